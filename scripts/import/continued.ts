import { overlapLength } from './text';

/**
 * A continuation must repeat at least this much of the paragraph it continues: phrases such as
 * “党的二十大精神” (7 characters) open and close many paragraphs without continuing anything.
 */
export const MIN_OVERLAP = 15;

/** Something with a text that only ever grows at its end (a paragraph on its way into an article). */
interface Growing {
  text: string;
}

/**
 * The paragraphs placed so far, each with its owner, found by how they end: the one a block continues is the one
 * whose end the block repeats at its start. A paragraph that a block continues (overlap ≥ MIN_OVERLAP) ends with
 * the block's first `overlap` characters, so its last MIN_OVERLAP characters are the block's characters just
 * before `overlap`: looking those up for every possible overlap costs the block's length, not the number of
 * paragraphs placed, and the import stays linear in the size of the page.
 */
export class PlacedParagraphs<P extends Growing, O> {
  private readonly owners = new Map<P, { owner: O; order: number }>();
  private readonly byEnding = new Map<string, Set<P>>();

  add(paragraph: P, owner: O): void {
    this.owners.set(paragraph, { owner, order: this.owners.size });
    this.index(paragraph);
  }

  /** Appends `more` to a placed paragraph's text. */
  extend(paragraph: P, more: string): void {
    this.unindex(paragraph);
    paragraph.text += more;
    this.index(paragraph);
  }

  /**
   * The placed paragraph `text` continues, with the overlap and its owner: the longest overlap of at least
   * MIN_OVERLAP, the earliest placed among equals; null when `text` continues none.
   */
  continued(text: string): [P, number, O] | null {
    const seen = new Set<P>();
    let best: { paragraph: P; overlap: number; owner: O; order: number } | null = null;
    for (let n = MIN_OVERLAP; n < text.length; n++) {
      for (const paragraph of this.byEnding.get(text.slice(n - MIN_OVERLAP, n)) ?? []) {
        if (seen.has(paragraph)) continue;
        seen.add(paragraph);
        const overlap = overlapLength(paragraph.text, text);
        const { owner, order } = this.owners.get(paragraph) as { owner: O; order: number };
        if (overlap < MIN_OVERLAP) continue;
        if (!best || overlap > best.overlap || (overlap === best.overlap && order < best.order)) {
          best = { paragraph, overlap, owner, order };
        }
      }
    }
    return best && [best.paragraph, best.overlap, best.owner];
  }

  private index(paragraph: P): void {
    if (paragraph.text.length < MIN_OVERLAP) return;
    const ending = paragraph.text.slice(-MIN_OVERLAP);
    const same = this.byEnding.get(ending) ?? new Set<P>();
    same.add(paragraph);
    this.byEnding.set(ending, same);
  }

  private unindex(paragraph: P): void {
    if (paragraph.text.length < MIN_OVERLAP) return;
    const ending = paragraph.text.slice(-MIN_OVERLAP);
    const same = this.byEnding.get(ending);
    same?.delete(paragraph);
    if (same?.size === 0) this.byEnding.delete(ending);
  }
}
