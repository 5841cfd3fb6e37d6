/** Events a reader may send in one clock minute; the excess is refused and not counted. */
export const RATE_LIMIT = 120;

export interface Rate {
  minute: number;
  count: number;
}

export const minuteOf = (ms: number): number => Math.floor(ms / 60_000);

/**
 * The rate after accepting one more event at `now`, or null when the reader has used up this minute. The minute
 * never moves back: a call whose clock is behind the stored minute (the clock stepped back, or an older call
 * committing late) counts against the stored minute, so stepping back cannot open a fresh window.
 */
export function takeRate(rate: Rate | undefined, now: number): Rate | null {
  const minute = rate === undefined ? minuteOf(now) : Math.max(rate.minute, minuteOf(now));
  const count = rate?.minute === minute ? rate.count : 0;
  return count < RATE_LIMIT ? { minute, count: count + 1 } : null;
}
