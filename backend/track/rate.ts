/** Events a reader may send in one clock minute; the excess is refused and not counted. */
export const RATE_LIMIT = 120;

export interface Rate {
  minute: number;
  count: number;
}

export const minuteOf = (ms: number): number => Math.floor(ms / 60_000);

/** The rate after accepting one more event at `now`, or null when the reader has used up this minute. */
export function takeRate(rate: Rate | undefined, now: number): Rate | null {
  const minute = minuteOf(now);
  const count = rate?.minute === minute ? rate.count : 0;
  return count < RATE_LIMIT ? { minute, count: count + 1 } : null;
}
