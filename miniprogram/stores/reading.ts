import type { TrackEvent } from '../../typings/contract';
import { newEventId } from '../utils/ids';

/** While the page is in front, progress is reported at most this often. */
export const PROGRESS_EVERY_MS = 15_000;

/**
 * One reading of one speech: how far down the reader got and how long the page was in front.
 * It emits `progress` events for the queue; the server decides what counts as completed.
 */
export class ReadingSession {
  private maxDepth = 0;
  private dwellMs = 0;
  private visibleSince: number | null;
  private lastSent = { depth: -1, dwellMs: -1 };

  constructor(
    readonly articleId: string,
    readonly readEventId: string,
    private readonly emit: (event: TrackEvent) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.visibleSince = now();
  }

  scrolled(depth: number): void {
    if (Number.isFinite(depth)) this.maxDepth = Math.min(1, Math.max(this.maxDepth, depth));
  }

  /** The page went to the background or away: report what was read. */
  pause(): void {
    this.accumulate();
    this.visibleSince = null;
    this.report();
  }

  resume(): void {
    if (this.visibleSince === null) this.visibleSince = this.now();
  }

  /** The periodic report while reading. */
  tick(): void {
    this.accumulate();
    if (this.visibleSince !== null) this.visibleSince = this.now();
    this.report();
  }

  private accumulate(): void {
    if (this.visibleSince !== null) this.dwellMs += this.now() - this.visibleSince;
  }

  private report(): void {
    const depth = Math.round(this.maxDepth * 100) / 100;
    const dwellMs = Math.round(this.dwellMs);
    if (depth === this.lastSent.depth && dwellMs === this.lastSent.dwellMs) return;
    this.lastSent = { depth, dwellMs };
    this.emit({
      type: 'progress',
      eventId: newEventId(),
      articleId: this.articleId,
      readEventId: this.readEventId,
      depth,
      dwellMs,
    });
  }
}
