import { compactKey, normalizeSpace } from './text';

/** One non-empty line of the scrape, with its 1-based line number for the report. */
export interface SourceBlock {
  line: number;
  text: string;
}

export function splitBlocks(raw: string): SourceBlock[] {
  return raw
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, i) => ({ line: i + 1, text: normalizeSpace(text) }))
    .filter((b) => b.text.length > 0);
}

export interface Duplicate {
  line: number;
  firstLine: number;
  text: string;
}

/** Drops every block whose text already appeared: scrapes repeat whole blocks of the page. */
/** A block of the scrape, marked when it repeats an earlier one. */
export interface MarkedBlock extends SourceBlock {
  duplicate: boolean;
}

/**
 * Marks the blocks a scrape repeated. A scrape repeats runs of blocks (a column shown twice); a lone
 * block that appeared before is more likely the page's own words said twice — two speeches may share a
 * heading — so it is kept, and reported for an editor to look at.
 */
export function markDuplicates(blocks: SourceBlock[]): {
  marked: MarkedBlock[];
  duplicates: Duplicate[];
  keptRepeats: Duplicate[];
} {
  const firstSeen = new Map<string, number>();
  const firstLines = blocks.map((block) => {
    const key = compactKey(block.text);
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, block.line);
    return first;
  });
  const seenBefore = (i: number) => firstLines[i] !== undefined;
  const duplicates: Duplicate[] = [];
  const keptRepeats: Duplicate[] = [];
  const marked = blocks.map((block, i) => {
    const first = firstLines[i];
    if (first === undefined) return { ...block, duplicate: false };
    const entry = { line: block.line, firstLine: first, text: block.text };
    const inRun = seenBefore(i - 1) || seenBefore(i + 1);
    (inRun ? duplicates : keptRepeats).push(entry);
    return { ...block, duplicate: inRun };
  });
  return { marked, duplicates, keptRepeats };
}
