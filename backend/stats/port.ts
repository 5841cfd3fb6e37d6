import type { DayKey, TotalCounts } from '../track/model';
import type { ChannelTotal, CounterCell } from '../track/port';

/** What statistics read: counters only, never the ledger. Both adapters implement it (test/storage/stats-contract.ts). */
export interface StatsStore {
  /** Every article's day × channel counters of the days in [from, to). */
  cells(range: { from: DayKey; to: DayKey }): Promise<CounterCell[]>;
  /** Every article's counters per channel, summed over all days. */
  channelTotals(): Promise<ChannelTotal[]>;
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
