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

/** Marks every block whose text already appeared: scrapes repeat whole blocks of the page. */
export function markDuplicates(blocks: SourceBlock[]): { marked: MarkedBlock[]; duplicates: Duplicate[] } {
  const firstSeen = new Map<string, number>();
  const duplicates: Duplicate[] = [];
  const marked = blocks.map((block) => {
    const key = compactKey(block.text);
    const first = firstSeen.get(key);
    if (first === undefined) firstSeen.set(key, block.line);
    else duplicates.push({ line: block.line, firstLine: first, text: block.text });
    return { ...block, duplicate: first !== undefined };
  });
  return { marked, duplicates };
}
