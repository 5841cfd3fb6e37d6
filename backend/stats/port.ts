import type { DailyCounter, DayKey, TotalCounts } from '../track/model';

/** What daily counters can be summed by. */
export type SumKey = 'day' | 'article' | 'channel';

/**
 * The daily counters named in `counters` (only those: each one more is work on every cell) summed in groups: over
 * the days [from, to) by any keys, or over every day (`days: 'all'`, the channel totals) by article and channel
 * only. `articleId` keeps one article's counters.
 */
export type SumsQuery<C extends DailyCounter = DailyCounter> = (
  | { days: { from: DayKey; to: DayKey }; by: readonly SumKey[] }
  | { days: 'all'; by: ReadonlyArray<Exclude<SumKey, 'day'>> }
) & { counters: readonly C[]; articleId?: string };

/** One group's sum; a key it is not grouped by is ''. With `by` empty there is at most one (the sum of everything). */
export interface CounterSum<C extends DailyCounter = DailyCounter> {
  day: DayKey | '';
  articleId: string;
  channel: string;
  counts: Record<C, number>;
}

/**
 * What statistics read: counters only, never the ledger, summed by the store into as many rows as the figures need
 * (a day's, an article's, a channel's), not every cell. Both adapters implement it (test/storage/stats-contract.ts;
 * test/stats runs the handlers over each).
 */
export interface StatsStore {
  sums<C extends DailyCounter>(query: SumsQuery<C>): Promise<Array<CounterSum<C>>>;
  /** Every article's totals. */
  totals(): Promise<Map<string, TotalCounts>>;
}

/** A link to a stored file. */
export interface FileLink {
  url: string;
  expiresAt: Date;
}

/** Files staff make (exports, codes): kept, and handed out as links. */
export interface FileStore {
  /**
   * Stores `content` at `path` (`<folder>/<plain file name>`); `id` names the stored file for `link` later (in the
   * cloud, its fileID).
   */
  put(path: string, content: Buffer, contentType: string): Promise<FileLink & { id: string }>;
  /** A fresh link to a file stored before. */
  link(id: string): Promise<FileLink>;
}
