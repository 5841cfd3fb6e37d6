import {
  DAILY_COUNTERS,
  type DailyCounts,
  type DayKey,
  type Store,
  type TallyDelta,
  TOTAL_OF,
  type TotalCounter,
  type TotalCounts,
} from '../storage/port';
import { addDays, dayOf } from './day';
import { incrementsOf } from './increments';

/** One counter that differs from what the ledger implies. `day` null: an article total. */
export interface Drift {
  articleId: string;
  day: DayKey | null;
  channel: string | null;
  counter: string;
  counted: number;
  ledger: number;
}

export interface ReconcileOptions {
  /** First day to compare (null: from the start). */
  from: DayKey | null;
  /** Days before this one are compared. In the cloud only closed days are (see ARCHITECTURE.md). */
  to: DayKey;
  /** Also correct the counters (by adding the difference, so counting going on meanwhile is not lost). */
  fix: boolean;
}

/** Every day there is: for a store that reads ledger and counters consistently (SQLite). */
export const ALL_DAYS = { from: null, to: '99991231' } as const;

export interface ReconcileReport {
  entries: number;
  drift: Drift[];
}

const TOTALS = Object.keys(TOTAL_OF) as TotalCounter[];
const cellKey = (d: { day: DayKey; articleId: string; channel: string }) => `${d.day}|${d.articleId}|${d.channel}`;

/**
 * Recomputes the daily counters of [from, to) from the ledger and each article's totals from its daily counters,
 * reports every difference and, when asked, corrects it.
 */
export async function reconcile(store: Store, { from, to, fix }: ReconcileOptions): Promise<ReconcileReport> {
  const snapshot = await store.tallySnapshot({ from, to });

  const expected = new Map<string, TallyDelta>();
  for (const { kind, entry } of snapshot.entries) {
    const inc = incrementsOf(entry, kind);
    const cell = expected.get(cellKey(inc)) ?? { ...inc, add: {} };
    for (const [counter, n] of Object.entries(inc.add) as Array<[keyof DailyCounts, number]>) {
      cell.add[counter] = (cell.add[counter] ?? 0) + n;
    }
    expected.set(cellKey(inc), cell);
  }
  const actual = new Map(snapshot.daily.map((row) => [cellKey(row), row]));

  const drift: Drift[] = [];
  const dailyFixes: TallyDelta[] = [];
  const dailyDelta = new Map<string, Partial<DailyCounts>>();
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const cell = (expected.get(key) ?? actual.get(key)) as { day: DayKey; articleId: string; channel: string };
    const fixCell: Partial<DailyCounts> = {};
    for (const counter of DAILY_COUNTERS) {
      const ledger = expected.get(key)?.add[counter] ?? 0;
      const counted = actual.get(key)?.counts[counter] ?? 0;
      if (ledger === counted) continue;
      drift.push({ articleId: cell.articleId, day: cell.day, channel: cell.channel, counter, counted, ledger });
      fixCell[counter] = ledger - counted;
    }
    if (Object.keys(fixCell).length === 0) continue;
    dailyFixes.push({ articleId: cell.articleId, day: cell.day, channel: cell.channel, add: fixCell });
    const sum = dailyDelta.get(cell.articleId) ?? {};
    for (const [counter, n] of Object.entries(fixCell) as Array<[keyof DailyCounts, number]>) {
      sum[counter] = (sum[counter] ?? 0) + n;
    }
    dailyDelta.set(cell.articleId, sum);
  }

  const totalFixes: Array<{ articleId: string; add: Partial<TotalCounts> }> = [];
  const articles = new Set([...snapshot.totals.keys(), ...snapshot.dailySums.keys(), ...dailyDelta.keys()]);
  for (const articleId of articles) {
    const add: Partial<TotalCounts> = {};
    for (const total of TOTALS) {
      const ledger =
        (snapshot.dailySums.get(articleId)?.[total] ?? 0) + (dailyDelta.get(articleId)?.[TOTAL_OF[total]] ?? 0);
      const counted = snapshot.totals.get(articleId)?.[total] ?? 0;
      if (ledger === counted) continue;
      drift.push({ articleId, day: null, channel: null, counter: total, counted, ledger });
      add[total] = ledger - counted;
    }
    if (Object.keys(add).length > 0) totalFixes.push({ articleId, add });
  }

  if (fix && (dailyFixes.length > 0 || totalFixes.length > 0)) {
    await store.adjustCounters({ daily: dailyFixes, totals: totalFixes });
  }
  drift.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return { entries: snapshot.entries.length, drift };
}

const sortKey = (d: Drift) => `${d.day ?? '~'}|${d.articleId}|${d.channel ?? ''}|${d.counter}`;

/** Days the daily timer looks back over: a run that failed is made up by the next ones. */
export const TIMER_LOOKBACK_DAYS = 7;

/**
 * The daily timer's reconcile: the last week's closed days, fixed. Today is left for tomorrow's run, because
 * in the cloud a day's counters are only final once no call of that day can still be writing.
 */
export async function reconcileClosedDays(store: Store, now: Date): Promise<ReconcileReport> {
  const today = dayOf(now.getTime());
  const report = await reconcile(store, { from: addDays(today, -TIMER_LOOKBACK_DAYS), to: today, fix: true });
  console.log(`reconcile: ${report.entries} ledger entries, ${report.drift.length} counters corrected`);
  for (const d of report.drift.slice(0, 50)) console.log('reconcile drift', JSON.stringify(d));
  return report;
}
