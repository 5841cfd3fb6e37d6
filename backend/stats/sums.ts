import { addCounts, type DailyCounter, type DailyCounts, fullCounts } from '../track/model';
import type { CounterSum, SumsQuery } from './port';

/** A counter cell as a store that cannot sum for itself reads it. */
export interface Cell {
  day: string;
  articleId: string;
  channel: string;
  counts: Partial<DailyCounts>;
}

/**
 * Cells summed as `query` asks, in JS: for a store that reads cells and cannot group them where they are kept.
 * Cells outside the query's days or article are left out.
 */
export function sumsOf<C extends DailyCounter>(cells: Iterable<Cell>, query: SumsQuery<C>): Array<CounterSum<C>> {
  const by = new Set<string>(query.by);
  const groups = new Map<string, { day: string; articleId: string; channel: string; add: Partial<DailyCounts> }>();
  for (const cell of cells) {
    if (query.articleId !== undefined && cell.articleId !== query.articleId) continue;
    if (query.days !== 'all' && (cell.day < query.days.from || cell.day >= query.days.to)) continue;
    const day = by.has('day') ? cell.day : '';
    const articleId = by.has('article') ? cell.articleId : '';
    const channel = by.has('channel') ? cell.channel : '';
    const key = `${day}|${articleId}|${channel}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { day, articleId, channel, add: {} };
      groups.set(key, group);
    }
    addCounts(group.add, cell.counts);
  }
  return [...groups.values()].map(({ add, ...keys }) => ({ ...keys, counts: fullCounts(query.counters, add) }));
}
