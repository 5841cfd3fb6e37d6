import type { DailyCounts, LedgerEntry, ReaderKind, TallyDelta } from '../storage/port';

const one = (flag: boolean): number => (flag ? 1 : 0);

/** The counter increments one ledger entry stands for: used when recording it and again when reconciling. */
export function incrementsOf(entry: LedgerEntry, kind: ReaderKind): TallyDelta {
  let add: Partial<DailyCounts>;
  switch (entry.type) {
    case 'read':
      add = {
        pv: one(entry.counted),
        uv: one(entry.firstToday),
        newUv: one(entry.firstEver),
        newAnonUv: one(entry.firstEver && kind === 'anon'),
        shareReads: one(entry.counted && entry.share !== null),
      };
      break;
    case 'completion':
      add = { completions: 1 };
      break;
    case 'share':
      add = { shares: 1 };
      break;
  }
  const nonZero = Object.fromEntries(Object.entries(add).filter(([, n]) => n !== 0)) as Partial<DailyCounts>;
  return { articleId: entry.articleId, day: entry.day, channel: entry.channel, add: nonZero };
}
