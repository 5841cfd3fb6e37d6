import { isHeadingLike } from './classify';
import type { Piece, Section } from './layout';
import { endsSentence, hasSentenceEnd, startsNumbered } from './text';

export interface Join {
  lines: [number, number];
  left: string;
  right: string;
}

/** A heading broken at a column end continues in a short fragment with no sentence in it. */
const MAX_HEADING_FRAGMENT = 40;

function continues(a: Piece, b: Piece): boolean {
  if (b.index !== a.lastIndex + 1 || endsSentence(a.text) || startsNumbered(b.text)) return false;
  if (isHeadingLike(a.text)) return !hasSentenceEnd(b.text) && b.text.length <= MAX_HEADING_FRAGMENT;
  return !isHeadingLike(b.text);
}

/**
 * Rejoins paragraphs that the page split at a column break ("统筹开" / "展中心各项工作"):
 * the first part stops mid-sentence and the second follows it directly in the source.
 */
export function joinSplits(section: Section): Join[] {
  const joins: Join[] = [];
  const out: Piece[] = [];
  for (const p of section.pieces) {
    const last = out[out.length - 1];
    if (last && continues(last, p)) {
      joins.push({
        lines: [last.lines[last.lines.length - 1] as number, p.lines[0] as number],
        left: last.text,
        right: p.text,
      });
      last.text += p.text;
      last.lastIndex = p.lastIndex;
      last.lines.push(...p.lines);
    } else {
      out.push({ ...p, lines: [...p.lines] });
    }
  }
  section.pieces = out;
  return joins;
}
