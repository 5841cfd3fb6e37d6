import type { DailyCounts, LedgerEntry, ReaderKind, TallyDelta } from '../storage/port';

const one = (flag: boolean): number => (flag ? 1 : 0);

/**
 * The counter increments one ledger entry stands for: used when recording it and again when reconciling.
 * Anonymous readers never move the headline `pv`/`uv`: they have counters of their own.
 */
export function incrementsOf(entry: LedgerEntry, kind: ReaderKind): TallyDelta {
  let add: Partial<DailyCounts>;
  switch (entry.type) {
    case 'read': {
      const named = kind === 'openid';
      add = {
        pv: one(named && entry.counted),
        uv: one(named && entry.firstToday),
        newUv: one(named && entry.firstEver),
        anonPv: one(!named && entry.counted),
        anonUv: one(!named && entry.firstToday),
        newAnonUv: one(!named && entry.firstEver),
        shareReads: one(entry.counted && entry.share !== null),
        unknownShareReads: one(entry.counted && entry.unknownShare),
      };
      break;
    }
    case 'completion':
      add = { completions: 1 };
      break;
    case 'share':
      add = { shares: one(entry.counted !== false) };
      break;
  }
  const nonZero = Object.fromEntries(Object.entries(add).filter(([, n]) => n !== 0)) as Partial<DailyCounts>;
  return { articleId: entry.articleId, day: entry.day, channel: entry.channel, add: nonZero };
}
