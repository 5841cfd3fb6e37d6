export const COMPLETION_DEPTH = 0.9;

/**
 * A reading is complete when the reader got 90% of the way down and stayed at least a third of the speech's
 * reading time, so that scrolling straight to the bottom is not reading.
 */
export const isCompletion = (depth: number, dwellMs: number, readingMinutes: number): boolean =>
  depth >= COMPLETION_DEPTH && dwellMs >= (readingMinutes * 60_000) / 3;
