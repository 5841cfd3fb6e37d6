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

/** Where an export is put for staff to download. */
export interface FileStore {
  /** Stores `content` under `name` (a plain file name) and gives a link that works until `expiresAt`. */
  put(name: string, content: Buffer, contentType: string): Promise<{ url: string; expiresAt: Date }>;
}
