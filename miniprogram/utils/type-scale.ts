import { charsPerLine } from './balance';

/**
 * The type sizes of app.wxss's `.fs-0`…`.fs-3` (标准/大/特大/超大), in rpx: what a line holds at each step.
 * test/miniprogram/balance.test.ts checks that they agree with app.wxss.
 */
export const TYPE_SCALE = [
  { body: 36, title: 48, meta: 28, heading: 42 },
  { body: 40, title: 54, meta: 30, heading: 46 },
  { body: 46, title: 60, meta: 34, heading: 54 },
  { body: 54, title: 68, meta: 38, heading: 62 },
] as const;

/** The text column of a `.page`: 750 rpx less its padding of 32 rpx on each side. */
export const PAGE_TEXT_RPX = 750 - 2 * 32;

export interface LineChars {
  title: number;
  body: number;
}

/** How many full-width characters a title line and a body line of a `.page` hold at `step`. */
export const lineCharsAt = (step: number): LineChars => {
  const sizes = TYPE_SCALE[Math.min(3, Math.max(0, step))] ?? TYPE_SCALE[0];
  return { title: charsPerLine(PAGE_TEXT_RPX, sizes.title), body: charsPerLine(PAGE_TEXT_RPX, sizes.body) };
};
