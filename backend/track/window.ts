/** A re-opening within this long of the reader's last opening of the same speech is not counted again. */
export const WINDOW_MS = 30 * 60 * 1000;

/** Whether an opening at `now` counts: the reader never opened the speech, or last did so 30 minutes ago or more. */
export const opensWindow = (lastOpenAt: number | undefined, now: number): boolean =>
  lastOpenAt === undefined || now - lastOpenAt >= WINDOW_MS;
