import type { Database } from 'better-sqlite3';
import type { StatsStore } from '../../stats/port';
import { DAILY_COUNTERS, TOTAL_COUNTERS } from '../../track/model';
import { countsOf, DAILY_COLUMNS, TOTAL_COLUMNS } from './columns';

type Row = Record<string, number | string>;

/** Statistics over the counter tables: a range of days is a range of `article_daily`'s primary key. */
export function createStatsStore(db: Database): StatsStore {
  const selectCells = db.prepare<[string, string], Row>(
    `SELECT day, article_id, channel, ${DAILY_COLUMNS.join(', ')} FROM article_daily WHERE day >= ? AND day < ?`,
  );
  const selectChannelTotals = db.prepare<[], Row>(`
    SELECT article_id, channel, ${DAILY_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}
    FROM article_daily GROUP BY article_id, channel
  `);
  const selectTotals = db.prepare<[], Row>(`SELECT article_id, ${TOTAL_COLUMNS.join(', ')} FROM article_stats`);
  return {
    async cells({ from, to }) {
      return selectCells.all(from, to).map((row) => ({
        day: String(row.day),
        articleId: String(row.article_id),
        channel: String(row.channel),
        counts: countsOf(row, DAILY_COUNTERS),
      }));
    },
    async channelTotals() {
      return selectChannelTotals.all().map((row) => ({
        articleId: String(row.article_id),
        channel: String(row.channel),
        counts: countsOf(row, DAILY_COUNTERS),
      }));
    },
    async totals() {
      return new Map(selectTotals.all().map((row) => [String(row.article_id), countsOf(row, TOTAL_COUNTERS)]));
    },
  };
}
