/** Two paragraphs that share a long run of text: the scrape may have mixed them, so an editor should look. */
export interface Repeat {
  a: string;
  b: string;
  length: number;
  sample: string;
}

const SHINGLE = 24;

export function findRepeats(blocks: Array<{ label: string; text: string }>): Repeat[] {
  const seen = new Map<string, number>();
  const repeats = new Map<string, Repeat>();
  blocks.forEach((block, owner) => {
    for (let i = 0; i + SHINGLE <= block.text.length; i++) {
      const shingle = block.text.slice(i, i + SHINGLE);
      const first = seen.get(shingle);
      if (first === undefined) {
        seen.set(shingle, owner);
        continue;
      }
      if (first === owner) continue;
      const a = blocks[first] as { label: string; text: string };
      const key = `${first}/${owner}`;
      const found = repeats.get(key);
      if (found) found.length++;
      else repeats.set(key, { a: a.label, b: block.label, length: SHINGLE, sample: shingle });
    }
  });
  return [...repeats.values()];
}
