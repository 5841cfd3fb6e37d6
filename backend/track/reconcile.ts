import { addDays, dayOf } from './day';
import {
  addCounts,
  type CounterDelta,
  cellDelta,
  DAILY_COUNTERS,
  type DailyCounts,
  type DayKey,
  deltaOf,
  TOTAL_COUNTERS,
  TOTAL_OF,
  type TotalCounts,
} from './model';
import type { TrackStore } from './port';

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

type Cell = { day: DayKey; articleId: string; channel: string };
const cellKey = (d: Cell) => `${d.day}|${d.articleId}|${d.channel}`;

/**
 * Recomputes the daily counters of [from, to) from the ledger (`deltaOf` each entry, as recording does) and each
 * article's totals from its channels' sums over all days; reports every difference and, when asked, corrects it.
 */
export async function reconcile(store: TrackStore, { from, to, fix }: ReconcileOptions): Promise<ReconcileReport> {
  const snapshot = await store.reconcileSnapshot({ from, to });

  const expected = new Map<string, Cell & { add: Partial<DailyCounts> }>();
  for (const { kind, entry } of snapshot.entries) {
    const { articleId, cell } = deltaOf(entry, kind);
    if (cell === null) continue;
    const key = cellKey({ ...cell, articleId });
    const sum = expected.get(key) ?? { day: cell.day, articleId, channel: cell.channel, add: {} };
    addCounts(sum.add, cell.add);
    expected.set(key, sum);
  }
  const actual = new Map(snapshot.cells.map((row) => [cellKey(row), row]));

  const drift: Drift[] = [];
  const fixes: CounterDelta[] = [];
  for (const key of new Set([...expected.keys(), ...actual.keys()])) {
    const cell = (expected.get(key) ?? actual.get(key)) as Cell;
    const add: Partial<DailyCounts> = {};
    for (const counter of DAILY_COUNTERS) {
      const ledger = expected.get(key)?.add[counter] ?? 0;
      const counted = actual.get(key)?.counts[counter] ?? 0;
      if (ledger === counted) continue;
      drift.push({ articleId: cell.articleId, day: cell.day, channel: cell.channel, counter, counted, ledger });
      add[counter] = ledger - counted;
    }
    if (Object.keys(add).length > 0)
      fixes.push(cellDelta(cell.articleId, { day: cell.day, channel: cell.channel, add }));
  }

  // Totals are the sums of the daily counters over every day. A cell fix moves the totals with it, so what is left
  // to correct in the totals alone is how far they already stood from their channels' sums; drift is reported
  // against what the ledger implies once the cell fixes are made.
  const sums = new Map<string, Partial<TotalCounts>>();
  const sumInto = (articleId: string, totals: Partial<TotalCounts>) => {
    const sum = sums.get(articleId) ?? {};
    addCounts(sum, totals);
    sums.set(articleId, sum);
  };
  for (const row of snapshot.channelTotals) {
    sumInto(row.articleId, Object.fromEntries(TOTAL_COUNTERS.map((t) => [t, row.counts[TOTAL_OF[t]]])));
  }
  const moved = new Map<string, Partial<TotalCounts>>();
  for (const f of fixes) {
    const sum = moved.get(f.articleId) ?? {};
    addCounts(sum, f.totals);
    moved.set(f.articleId, sum);
  }
  for (const articleId of new Set([...snapshot.totals.keys(), ...sums.keys(), ...moved.keys()])) {
    const totals: Partial<TotalCounts> = {};
    for (const total of TOTAL_COUNTERS) {
      const sum = sums.get(articleId)?.[total] ?? 0;
      const counted = snapshot.totals.get(articleId)?.[total] ?? 0;
      const ledger = sum + (moved.get(articleId)?.[total] ?? 0);
      if (ledger !== counted) drift.push({ articleId, day: null, channel: null, counter: total, counted, ledger });
      if (sum !== counted) totals[total] = sum - counted;
    }
    if (Object.keys(totals).length > 0) fixes.push({ articleId, cell: null, totals });
  }

  if (fix && fixes.length > 0) await store.adjustCounters(fixes);
  drift.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  return { entries: snapshot.entries.length, drift };
}

const sortKey = (d: Drift) => `${d.day ?? '~'}|${d.articleId}|${d.channel ?? ''}|${d.counter}`;

/** Days the daily timer looks back over: a run that failed is made up by the next ones. */
export const TIMER_LOOKBACK_DAYS = 7;

/**
 * The daily timer's job: reconcile the last week's closed days, one day at a time so that no read holds more than a
 * day of ledger (reconcile reads the ledger wherever it is kept, so it needs no archive first, and runs first so a
 * slow archive can never starve it); then, for what is left of the budget, move closed days of ledger out of
 * readers' records (where the adapter keeps them there). Today is left for tomorrow's run, because in the cloud a
 * day's counters are only final once no call of that day can still be writing.
 */
export async function reconcileClosedDays(
  store: TrackStore,
  now: Date,
  { budgetMs = Number.POSITIVE_INFINITY, clock = Date.now }: { budgetMs?: number; clock?: () => number } = {},
): Promise<ReconcileReport> {
  // The archive stops at the run's deadline, counted from the start: readers not reached are archived by the next
  // run (or by their own next write, once MAX_HELD_DAYS late).
  const deadline = clock() + budgetMs;
  const today = dayOf(now.getTime());
  const report: ReconcileReport = { entries: 0, drift: [] };
  for (let day = addDays(today, -TIMER_LOOKBACK_DAYS); day < today; day = addDays(day, 1)) {
    const daily = await reconcile(store, { from: day, to: addDays(day, 1), fix: true });
    report.entries += daily.entries;
    report.drift.push(...daily.drift);
  }
  console.log(`reconcile: ${report.entries} ledger entries, ${report.drift.length} counters corrected`);
  for (const d of report.drift.slice(0, 50)) console.log('reconcile drift', JSON.stringify(d));
  const archived = await store.archiveLedger(today, deadline);
  console.log(
    `archive: ${archived.entries} ledger entries of ${archived.readers} readers moved to ledger records` +
      (archived.left > 0 ? `; ${archived.left} readers left for the next run` : ''),
  );
  return report;
}
