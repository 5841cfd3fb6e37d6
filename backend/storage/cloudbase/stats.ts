import type { Database } from 'wx-server-sdk';
import type { StatsStore } from '../../stats/port';
import { type Cell, sumsOf } from '../../stats/sums';
import { addDays } from '../../track/day';
import { fullCounts, TOTAL_COUNTERS } from '../../track/model';
import { type Counters, cellsOf, createCounterMethods } from './counters';
import { dayField, dayOfField } from './documents';

/** A counter record's cells of the days it was projected to, or (`all`) its channel totals as cells of no day. */
function cellsOfDoc(doc: Counters, all: boolean): Cell[] {
  const articleId = String(doc._id);
  if (all) return Object.entries(doc.c ?? {}).map(([channel, counts]) => ({ day: '', articleId, channel, counts }));
  return Object.entries(doc.d ?? {}).flatMap(([field, channels]) => cellsOf(articleId, dayOfField(field), channels));
}

/**
 * Statistics from the articles' counter records, each projected to the days or totals asked for (one article's
 * record alone when the query names it) and summed here: the SDK's aggregate is not used, so the sums are made in JS
 * from records read in pages sized to stay under the answer limit.
 */
export function createStatsStore(db: Database): StatsStore {
  const counters = createCounterMethods(db);
  return {
    async sums(query) {
      const all = query.days === 'all';
      const fields: Record<string, true> = {};
      let days = 0;
      if (query.days === 'all') fields.c = true;
      else {
        for (let day = query.days.from; day < query.days.to; day = addDays(day, 1), days += 1) {
          fields[`d.${dayField(day)}`] = true;
        }
        if (days === 0) return [];
      }
      const docs =
        query.articleId === undefined
          ? await counters.everyArticle(fields, Math.max(days, 1))
          : await counters.read([query.articleId], fields);
      return sumsOf(
        docs.flatMap((doc) => cellsOfDoc(doc, all)),
        query,
      );
    },
    async totals() {
      const fields = Object.fromEntries(TOTAL_COUNTERS.map((t) => [t, true])) as Record<string, true>;
      const docs = await counters.everyArticle(fields, 0);
      return new Map(docs.map((doc) => [String(doc._id), fullCounts(TOTAL_COUNTERS, doc)]));
    },
  };
}
