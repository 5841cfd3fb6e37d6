import fc from 'fast-check';
import { MIN_OVERLAP, PlacedParagraphs } from '../../scripts/import/continued';
import { overlapLength } from '../../scripts/import/text';

interface Paragraph {
  text: string;
}

/** What the importer did before the index: every placed paragraph, in the order placed, the longest overlap wins. */
function byScanning(placed: Array<[Paragraph, number]>, text: string): [Paragraph, number, number] | null {
  let best: [Paragraph, number, number] | null = null;
  for (const [paragraph, owner] of placed) {
    const overlap = overlapLength(paragraph.text, text);
    if (overlap >= MIN_OVERLAP && (!best || overlap > best[1])) best = [paragraph, overlap, owner];
  }
  return best;
}

// Two letters, so that long overlaps, several candidates and ties are common.
const text = fc.string({ unit: fc.constantFrom('a', 'b'), minLength: 0, maxLength: 40 });

describe('finding the paragraph a block continues', () => {
  test('agrees with scanning every placed paragraph, as texts grow', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('add', 'extend', 'ask'), text), { maxLength: 30 }), (steps) => {
        const index = new PlacedParagraphs<Paragraph, number>();
        const placed: Array<[Paragraph, number]> = [];
        for (const [i, [step, value]] of steps.entries()) {
          if (step === 'add') {
            const paragraph = { text: value };
            placed.push([paragraph, i]);
            index.add(paragraph, i);
          } else if (step === 'extend' && placed.length > 0) {
            const [paragraph] = placed[value.length % placed.length] as [Paragraph, number];
            index.extend(paragraph, value);
          } else {
            expect(index.continued(value)).toEqual(byScanning(placed, value));
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  test('the longest overlap wins, the earliest placed among equals', () => {
    const index = new PlacedParagraphs<Paragraph, string>();
    const short = { text: '甲乙丙丁戊己庚辛壬癸子丑寅卯辰' };
    const long = { text: '前文甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳' };
    const same = { text: '另一段甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳' };
    index.add(short, 'a');
    index.add(long, 'b');
    index.add(same, 'c');
    expect(index.continued('甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未')).toEqual([long, 16, 'b']);
    expect(index.continued('甲乙丙丁戊己庚辛壬癸子丑寅卯辰')).toBeNull();
  });
});
