/**
 * Balanced title lines. WeChat's renderers have no `text-wrap: balance`, so a title that runs one character over a
 * line leaves that character alone on the last line (“…干出新业/绩”). `balanceLines` breaks such a title itself, with
 * '\n' (a `<text>` renders it as a line break), into lines of about equal width that each fit the line.
 *
 * Widths are in ems: a Chinese character or full-width mark is 1, anything narrower (Latin letters, digits, spaces) is
 * counted as 0.6, on the safe side. Type sizes are in rpx, which scale with the screen's width, so how many characters
 * a line holds depends only on the font step, not on the phone: `charsPerLine(686, 60)` is 11 on every phone.
 */

const NARROW = 0.6;
/** A line may not begin with these (closing marks and sentence punctuation). */
const NO_START = /^[，。、：；！？）》」』”’·…—]/;
/** A line may not end with these (opening marks). */
const NO_END = /[（《「『“‘]$/;
/** Breaking after these reads well; breaking between two characters of a phrase is the last resort. */
const AFTER_MARK = /[，、：；。！？]$/;
/**
 * What a break costs beside the lines' unevenness (the squares of their distance from an even share, in ems): a
 * break in a phrase costs more than a line 5 ems short, so “展现新担当 实现新作为 / 干出新业绩” beats “展现新担当 实现 /
 * 新作为 干出新业绩”.
 */
const BREAK_AFTER_MARK = 2;
const BREAK_IN_PHRASE = 30;
/** One line more than the fewest is worth it only to keep phrases whole (“展现新担当 / 实现新作为 / 干出新业绩”). */
const EXTRA_LINE = 20;

const widthOf = (text: string): number => {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 || /[“”‘’…—·]/.test(ch) ? 1 : NARROW;
  return w;
};

/** How many full-width characters a line `widthRpx` wide holds at `fontRpx`. */
export const charsPerLine = (widthRpx: number, fontRpx: number): number => Math.max(1, Math.floor(widthRpx / fontRpx));

interface Piece {
  /** The line's text, without the space it was broken at. */
  text: string;
  width: number;
}

/**
 * `text` with line breaks so that its lines are about equally wide, none wider than `perLine` ems and none a single
 * character; unchanged when it fits on one line (or holds a break already). Breaks go at spaces first (titles are
 * phrases set apart by spaces), then after punctuation, and only then between characters.
 */
export function balanceLines(text: string, perLine: number): string {
  const chars = [...text.trim()];
  if (chars.length === 0 || text.includes('\n') || perLine < 2) return text;
  const total = widthOf(chars.join(''));
  if (total <= perLine) return text;

  // Lines [i, j) of the characters; a space at a break belongs to neither line.
  const line = (i: number, j: number): Piece | null => {
    const body = chars.slice(i, j).join('').trim();
    if ([...body].length < 2) return null;
    const width = widthOf(body);
    return width <= perLine ? { text: body, width } : null;
  };
  const breakCost = (j: number): number | null => {
    const before = chars.slice(0, j).join('');
    const after = chars.slice(j).join('');
    if (chars[j] === ' ' || chars[j - 1] === ' ') return 0;
    if (NO_START.test(after) || NO_END.test(before)) return null;
    if (AFTER_MARK.test(before)) return BREAK_AFTER_MARK;
    return BREAK_IN_PHRASE;
  };

  const fewest = Math.ceil(total / perLine);
  let chosen: { cost: number; lines: string[] } | null = null;
  for (let count = fewest; count <= fewest + 1; count++) {
    const set = bestSetting(chars.length, count, total / count, line, breakCost);
    const cost = set ? set.cost + (count - fewest) * EXTRA_LINE : Number.POSITIVE_INFINITY;
    if (set && (!chosen || cost < chosen.cost)) chosen = { cost, lines: set.lines };
  }
  return chosen ? chosen.lines.join('\n') : text;
}

interface Step {
  cost: number;
  from: number;
}

/** The cheapest way to set `length` characters as `count` lines, by dynamic programming over where lines end. */
function bestSetting(
  length: number,
  count: number,
  target: number,
  line: (i: number, j: number) => Piece | null,
  breakCost: (j: number) => number | null,
): { cost: number; lines: string[] } | null {
  // best[k][j]: the cheapest way to set the first j characters as k lines.
  const best: Array<Map<number, Step>> = [new Map([[0, { cost: 0, from: -1 }]])];
  for (let k = 1; k <= count; k++) {
    const row = new Map<number, Step>();
    for (let j = 1; j <= length; j++) {
      const cut = j === length ? 0 : breakCost(j);
      if (cut === null) continue;
      for (const [i, prev] of best[k - 1] ?? []) {
        const piece = i < j ? line(i, j) : null;
        if (!piece) continue;
        const cost = prev.cost + (target - piece.width) ** 2 + cut;
        const here = row.get(j);
        if (!here || cost < here.cost) row.set(j, { cost, from: i });
      }
    }
    best.push(row);
  }
  const end = best[count]?.get(length);
  if (!end) return null;
  const lines: string[] = [];
  for (let k = count, j = length; k > 0; k--) {
    const step = best[k]?.get(j) as Step;
    lines.unshift((line(step.from, j) as Piece).text);
    j = step.from;
  }
  return { cost: end.cost, lines };
}
