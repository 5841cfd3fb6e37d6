/**
 * The naive statistics store figure 7 compares with: the StatsStore port answered by scanning the ledger
 * (every entry of the range parsed and turned into its counter delta, as reconcile does, then summed as asked),
 * never the counters.
 */
import type { Database } from 'better-sqlite3';
import type { StatsStore } from '../../../backend/stats/port';
import { sumsOf } from '../../../backend/stats/sums';
import {
  addCounts,
  type DailyCounts,
  deltaOf,
  fullCounts,
  type LedgerEntry,
  type ReaderKind,
  TOTAL_COUNTERS,
  type TotalCounts,
} from '../../../backend/track/model';

export function ledgerScanStats(db: Database): StatsStore {
  const select = db.prepare<[{ from: string | null; to: string | null }], { kind: ReaderKind; json: string }>(`
    SELECT r.kind, l.json FROM track_ledger l JOIN track_readers r ON r.reader = l.reader
    WHERE (@from IS NULL OR l.day >= @from) AND (@to IS NULL OR l.day < @to)
  `);
  /** Every entry of [from, to) as its counter delta, one row at a time. */
  function* deltas(from: string | null, to: string | null) {
    for (const { kind, json } of select.iterate({ from, to })) yield deltaOf(JSON.parse(json) as LedgerEntry, kind);
  }
  const byCell = (from: string | null, to: string | null, withDay: boolean) => {
    const cells = new Map<string, { day: string; articleId: string; channel: string; add: Partial<DailyCounts> }>();
    for (const { articleId, cell } of deltas(from, to)) {
      if (cell === null) continue;
      const day = withDay ? cell.day : '';
      const key = `${day}|${articleId}|${cell.channel}`;
      const sum = cells.get(key) ?? { day, articleId, channel: cell.channel, add: {} };
      addCounts(sum.add, cell.add);
      cells.set(key, sum);
    }
    return [...cells.values()];
  };
  return {
    async sums(query) {
      const cells = query.days === 'all' ? byCell(null, null, false) : byCell(query.days.from, query.days.to, true);
      return sumsOf(
        cells.map((c) => ({ ...c, counts: c.add })),
        query,
      );
    },
    async totals(): Promise<Map<string, TotalCounts>> {
      const sums = new Map<string, Partial<TotalCounts>>();
      for (const d of deltas(null, null)) {
        const sum = sums.get(d.articleId) ?? {};
        addCounts(sum, d.totals);
        sums.set(d.articleId, sum);
      }
      return new Map([...sums].map(([id, t]) => [id, fullCounts(TOTAL_COUNTERS, t)]));
    },
  };
}
