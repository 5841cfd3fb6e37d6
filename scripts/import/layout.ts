import type { Speaker } from '../../typings/contract';
import { isEditorsNoteTitle, parseByline } from './byline';
import { PlacedParagraphs } from './continued';
import type { MarkedBlock, SourceBlock } from './source';
import { hasSentenceEnd } from './text';

export { MIN_OVERLAP } from './continued';

/** A paragraph on its way into an article: one source block, or several joined. */
export interface Piece {
  /** Position of its first block in the de-duplicated source, for adjacency checks. */
  index: number;
  lastIndex: number;
  lines: number[];
  text: string;
}

export type Section =
  | { kind: 'speech'; title: string; speaker: Speaker; line: number; pieces: Piece[] }
  | { kind: 'note'; title: string; line: number; pieces: Piece[] };

export interface Continuation {
  line: number;
  intoLine: number;
  overlap: number;
  section: Section;
}

export interface Layout {
  header: { title: string; subtitle: string };
  sections: Section[];
  /** Blocks whose owner the text alone does not settle. */
  orphans: Piece[];
  continuations: Continuation[];
  /** Blocks placed in a section because they follow one of its continuations or its repeated title. */
  followed: Array<{ line: number; section: Section }>;
  headerExtras: Piece[];
}

const isTitleBefore = (blocks: SourceBlock[], i: number): boolean => {
  const title = blocks[i];
  const byline = blocks[i + 1];
  return !!title && !!byline && !hasSentenceEnd(title.text) && parseByline(byline.text) !== null;
};

const piece = (block: SourceBlock, index: number): Piece => ({
  index,
  lastIndex: index,
  lines: [block.line],
  text: block.text,
});

/**
 * Walks the de-duplicated blocks in page order and gives each one an owner: the speech
 * (title + byline) or editor's note it stands under, the paragraph it continues (a block
 * that repeats the end of an earlier paragraph), or nobody (an orphan for the editor).
 */
export function layOut(all: MarkedBlock[]): Layout {
  const blocks = all.filter((b) => !b.duplicate);
  const positions = new Map(blocks.map((b, i) => [b, i]));
  const firstSection = blocks.findIndex((b, i) => isTitleBefore(blocks, i) || isEditorsNoteTitle(b.text));
  const headerBlocks = blocks.slice(0, firstSection < 0 ? blocks.length : firstSection);
  const subtitleBlock = headerBlocks.find((b) => /^[—－-]{1,2}/.test(b.text));
  const titleBlock = headerBlocks.find((b) => b !== subtitleBlock);
  const layout: Layout = {
    header: { title: titleBlock?.text ?? '', subtitle: subtitleBlock?.text ?? '' },
    sections: [],
    orphans: [],
    continuations: [],
    followed: [],
    headerExtras: headerBlocks
      .filter((b) => b !== titleBlock && b !== subtitleBlock)
      .map((b) => piece(b, positions.get(b) as number)),
  };

  const placed = new PlacedParagraphs<Piece, Section>();
  let current: Section | null = null;
  let following = false;
  let kept = -1;
  const start = firstSection < 0 ? all.length : all.indexOf(blocks[firstSection] as MarkedBlock);
  for (let i = start; i < all.length; i++) {
    const block = all[i] as MarkedBlock;
    if (block.duplicate) {
      // A repeated title and byline: what follows, if anything new, continues that speech.
      if (isTitleBefore(all, i)) {
        current = layout.sections.find((s) => s.kind === 'speech' && s.title === block.text) ?? current;
        following = true;
        i++;
      }
      continue;
    }
    kept = positions.get(block) as number;
    if (isTitleBefore(all, i)) {
      const speaker = parseByline((all[i + 1] as SourceBlock).text) as Speaker;
      current = { kind: 'speech', title: block.text, speaker, line: block.line, pieces: [] };
      layout.sections.push(current);
      following = false;
      i++;
      continue;
    }
    if (isEditorsNoteTitle(block.text)) {
      current = { kind: 'note', title: block.text, line: block.line, pieces: [] };
      layout.sections.push(current);
      following = false;
      continue;
    }
    const continued = placed.continued(block.text);
    if (continued) {
      const [target, overlap, section] = continued;
      placed.extend(target, block.text.slice(overlap));
      target.lines.push(block.line);
      layout.continuations.push({ line: block.line, intoLine: target.lines[0] as number, overlap, section });
      current = section;
      following = true;
      continue;
    }
    const p = piece(block, kept);
    // An editor's note is one paragraph on the page; what stands after it has no certain owner.
    const noteIsFull = current?.kind === 'note' && current.pieces.length > 0 && !following;
    if (!current || noteIsFull) {
      layout.orphans.push(p);
      current = null;
      continue;
    }
    current.pieces.push(p);
    placed.add(p, current);
    if (following) layout.followed.push({ line: block.line, section: current });
  }
  return layout;
}
