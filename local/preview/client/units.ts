import { FRAME, PX_PER_RPX, WINDOW_HEIGHT } from './frame';

const PX_PER_UNIT: Record<string, number> = {
  rpx: PX_PER_RPX,
  // The page's viewport is the frame's page area, not the browser window.
  vh: WINDOW_HEIGHT / 100,
  vw: FRAME.width / 100,
};

const LENGTH = /(?<![\w.#-])(-?)(\d*\.?\d+)(rpx|vh|vw)\b/g;

const px = (n: number): string => `${Number(n.toFixed(3))}px`;

/**
 * Lengths the frame must resolve itself, as px: rpx (750 to the screen width, 0.5 px at 375) and vh/vw
 * (which in the browser would measure the browser window, not the phone). For WXSS and inline styles alike.
 */
export function framePx(css: string): string {
  return css.replace(LENGTH, (_all, sign: string, value: string, unit: string) => {
    const n = Number(value) * (PX_PER_UNIT[unit] ?? 1);
    return px(sign ? -n : n);
  });
}
