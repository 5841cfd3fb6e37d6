import type { Database } from 'wx-server-sdk';
import type { StatsStore } from '../../stats/port';
import { addDays } from '../../track/day';
import { DAILY_COUNTERS, fullCounts, TOTAL_COUNTERS } from '../../track/model';
import { cellsOf, createCounterMethods } from './counters';
import { dayField, dayOfField } from './documents';

/** Statistics from the articles' counter records, each projected to the days or totals asked for. */
export function createStatsStore(db: Database): StatsStore {
  const counters = createCounterMethods(db);
  return {
    async cells({ from, to }) {
      const fields: Record<string, true> = {};
      let days = 0;
      for (let day = from; day < to; day = addDays(day, 1), days += 1) fields[`d.${dayField(day)}`] = true;
      if (days === 0) return [];
      const docs = await counters.everyArticle(fields, days);
      return docs.flatMap((doc) =>
        Object.entries(doc.d ?? {}).flatMap(([field, channels]) =>
          cellsOf(String(doc._id), dayOfField(field), channels),
        ),
      );
    },
    async channelTotals() {
      const docs = await counters.everyArticle({ c: true }, 1);
      return docs.flatMap((doc) =>
        Object.entries(doc.c ?? {}).map(([channel, counts]) => ({
          articleId: String(doc._id),
          channel,
          counts: fullCounts(DAILY_COUNTERS, counts),
        })),
      );
    },
    async totals() {
      const fields = Object.fromEntries(TOTAL_COUNTERS.map((t) => [t, true])) as Record<string, true>;
      const docs = await counters.everyArticle(fields, 0);
      return new Map(docs.map((doc) => [String(doc._id), fullCounts(TOTAL_COUNTERS, doc)]));
    },
  };
}
