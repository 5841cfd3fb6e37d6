import type { Database, Statement } from 'better-sqlite3';
import type { CounterSum, StatsStore, SumKey, SumsQuery } from '../../stats/port';
import { DAILY_COUNTERS, type DailyCounter, TOTAL_COUNTERS } from '../../track/model';
import { columnOf, countsOf, TOTAL_COLUMNS } from './columns';

type Row = Record<string, number | string | null>;

const KEYS = ['day', 'article', 'channel'] as const satisfies readonly SumKey[];
const KEY_COLUMN: Record<SumKey, string> = { day: 'day', article: 'article_id', channel: 'channel' };
const KEY_FIELD: Record<SumKey, string> = { day: 'day', article: 'articleId', channel: 'channel' };
/** A daily counter summed under its own name (`SUM(share_reads) AS "shareReads"`). */
const sumColumn = (c: DailyCounter) => `SUM(${columnOf(c)}) AS "${c}"`;

/** A summed row as counters: a key not grouped by is '', a sum over no cells 0. */
function sumOf<C extends DailyCounter>(row: Row, counters: readonly C[]): CounterSum<C> {
  const counts = {} as Record<C, number>;
  for (const c of counters) counts[c] = Number(row[c] ?? 0);
  return {
    day: String(row.day ?? ''),
    articleId: String(row.articleId ?? ''),
    channel: String(row.channel ?? ''),
    counts,
  };
}

/**
 * Statistics over the counter tables, summed in SQL: a range of days is a range of `article_daily`'s primary key
 * (day, article, channel), grouped by what the figures need and summing only the counters they read, so only the
 * sums reach JS.
 */
export function createStatsStore(db: Database): StatsStore {
  const statements = new Map<string, Statement<[Record<string, string>], Row>>();
  /** The statement of a query's shape, prepared once. */
  const statementOf = ({ days, by, articleId, counters }: SumsQuery) => {
    const keys = KEYS.filter((k) => (by as readonly SumKey[]).includes(k));
    const sums = DAILY_COUNTERS.filter((c) => counters.includes(c));
    const shape = [days === 'all' ? 'all' : 'days', articleId === undefined ? '' : 'one', ...keys, '|', ...sums].join();
    let statement = statements.get(shape);
    if (statement === undefined) {
      const where = [
        ...(days === 'all' ? [] : ['day >= @from', 'day < @to']),
        ...(articleId === undefined ? [] : ['article_id = @articleId']),
      ];
      statement = db.prepare<[Record<string, string>], Row>(`
        SELECT ${[...keys.map((k) => `${KEY_COLUMN[k]} AS "${KEY_FIELD[k]}"`), ...sums.map(sumColumn)].join(', ')}
        FROM article_daily
        ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
        ${keys.length === 0 ? '' : `GROUP BY ${keys.map((k) => KEY_COLUMN[k]).join(', ')}`}
      `);
      statements.set(shape, statement);
    }
    return statement;
  };
  const selectTotals = db.prepare<[], Row>(`SELECT article_id, ${TOTAL_COLUMNS.join(', ')} FROM article_stats`);
  return {
    async sums(query) {
      const params: Record<string, string> = {
        ...(query.days !== 'all' && { from: query.days.from, to: query.days.to }),
        ...(query.articleId !== undefined && { articleId: query.articleId }),
      };
      return statementOf(query)
        .all(params)
        .map((row) => sumOf(row, query.counters));
    },
    async totals() {
      return new Map(selectTotals.all().map((row) => [String(row.article_id), countsOf(row, TOTAL_COUNTERS)]));
    },
  };
}
