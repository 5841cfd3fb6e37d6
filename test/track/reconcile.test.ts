import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FUNCTION_TIMEOUT_S, longRunBudgetMs } from '../../backend/cloud/limits';
import { loadCatalog } from '../../backend/content/catalog';
import { syncInstallments } from '../../backend/content/sync';
import { createDispatcher } from '../../backend/core/dispatcher';
import { LOCAL_READER_SECRET } from '../../backend/core/reader-key';
import { functions } from '../../backend/functions';
import { createSqliteStores, openDatabase } from '../../backend/storage/sqlite';
import { addDays, dayOf } from '../../backend/track/day';
import type { CounterDelta, DailyCounts } from '../../backend/track/model';
import { ALL_DAYS, reconcile, reconcileClosedDays } from '../../backend/track/reconcile';
import { A, adapters, B, drift, type Harness, MINUTE, NO_TOTALS, readInput, sid, T0, totals } from './support';

const DAY = 24 * 60 * MINUTE;
/** A change to one cell alone, the article totals left as they are: what a bad write could leave. */
const cellOnly = (articleId: string, day: string, channel: string, add: Partial<DailyCounts>): CounterDelta => ({
  articleId,
  cell: { day, channel, add },
  totals: {},
});
const TODAY = dayOf(T0);

describe.each(adapters)('reconcile on %s', (_name, open) => {
  let h: Harness;
  beforeEach(async () => {
    h = await open();
  });
  afterEach(() => h.close());

  const activity = async () => {
    await h.track('read', readInput(A, { ch: 'bao' }), 'o-1');
    await h.track('read', readInput(A, { scene: 1007 }), 'o-2');
    await h.track('read', readInput(B), 'o-1');
    await h.track(
      'share',
      { eventId: 'share-evt-01', articleId: A, shareId: sid('o-1', 'Rec1'), target: 'chat' },
      'o-1',
    );
    h.clock.advance(DAY);
    await h.track('read', readInput(A, { s: sid('o-1', 'Rec1'), ch: 'chat' }), 'o-3');
  };

  test('finds nothing to fix when counters follow the ledger', async () => {
    await activity();
    const report = await reconcile(h.store, { ...ALL_DAYS, fix: true });
    expect(report.entries).toBe(5);
    expect(report.drift).toEqual([]);
  });

  test('reports a daily counter that drifted, with what the ledger says, and fixes it', async () => {
    await activity();
    await h.store.adjustCounters([cellOnly(A, TODAY, 'bao', { pv: 3 })]);
    const found = await reconcile(h.store, { ...ALL_DAYS, fix: true });
    expect(found.drift).toEqual([{ articleId: A, day: TODAY, channel: 'bao', counter: 'pv', counted: 4, ledger: 1 }]);
    expect(await drift(h.store)).toEqual([]);
    expect(await totals(h.store, A)).toMatchObject({ pv: 3, uv: 3, shares: 1, shareReads: 1 });
  });

  test('reports and fixes totals that no longer add up to the daily counters', async () => {
    await activity();
    await h.store.adjustCounters([{ articleId: B, cell: null, totals: { uv: 2, completions: -1 } }]);
    const found = await reconcile(h.store, { ...ALL_DAYS, fix: true });
    expect(found.drift).toEqual([
      { articleId: B, day: null, channel: null, counter: 'completions', counted: -1, ledger: 0 },
      { articleId: B, day: null, channel: null, counter: 'uv', counted: 3, ledger: 1 },
    ]);
    expect(await totals(h.store, B)).toEqual({ ...NO_TOTALS, pv: 1, uv: 1 });
  });

  test('recreates counters that were lost altogether', async () => {
    await activity();
    const lost = (await h.store.reconcileSnapshot(ALL_DAYS)).cells.filter((r) => r.articleId === A);
    await h.store.adjustCounters([
      ...lost.map((r) => cellOnly(A, r.day, r.channel, negate(r.counts))),
      { articleId: A, cell: null, totals: { pv: -3, uv: -3, shares: -1, shareReads: -1 } },
    ]);
    expect(await totals(h.store, A)).toMatchObject({ pv: 0, uv: 0 });
    await reconcile(h.store, { ...ALL_DAYS, fix: true });
    expect(await totals(h.store, A)).toMatchObject({ pv: 3, uv: 3, shares: 1, shareReads: 1 });
    expect(await drift(h.store)).toEqual([]);
  });

  test('compares only the days asked for: the timer leaves today, still being counted, to tomorrow', async () => {
    await activity();
    const tomorrow = addDays(TODAY, 1);
    await h.store.adjustCounters([
      cellOnly(A, TODAY, 'bao', { pv: 1 }),
      cellOnly(A, tomorrow, 'chat', { pv: 1 }),
      { articleId: A, cell: null, totals: { pv: 2 } },
    ]);
    const closed = await reconcile(h.store, { from: addDays(tomorrow, -7), to: tomorrow, fix: true });
    expect(closed.drift.filter((d) => d.day !== null)).toEqual([
      expect.objectContaining({ day: TODAY, counter: 'pv' }),
    ]);
    expect((await drift(h.store)).filter((d) => d.day !== null)).toEqual([
      expect.objectContaining({ day: tomorrow, counter: 'pv', counted: 2, ledger: 1 }),
    ]);

    h.clock.advance(DAY);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await reconcileClosedDays(h.store, h.clock.now());
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/2 counters corrected/));
    log.mockRestore();
    expect(await drift(h.store)).toEqual([]);
  });

  test('the timer reconciles before it archives: an archive that fails or runs long cannot keep drift in place', async () => {
    await activity();
    await h.store.adjustCounters([cellOnly(A, TODAY, 'bao', { pv: 5 })]);
    h.clock.advance(DAY);
    const failingArchive = { ...h.store, archiveLedger: () => Promise.reject(new Error('archive timed out')) };
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await expect(reconcileClosedDays(failingArchive, h.clock.now())).rejects.toThrow('archive timed out');
    log.mockRestore();
    expect(await drift(h.store)).toEqual([]);
  });

  test('the archive stops at the deadline counted from the start of the run, however long reconciling took', async () => {
    await activity();
    h.clock.advance(DAY);
    const deadlines: number[] = [];
    const watched = {
      ...h.store,
      archiveLedger: (before: string, deadline: number) => {
        deadlines.push(deadline);
        return h.store.archiveLedger(before, deadline);
      },
    };
    let ms = 1_000;
    // Each look at the clock finds 10 s gone: reconciling took long.
    const clock = () => (ms += 10_000);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    await reconcileClosedDays(watched, h.clock.now(), { budgetMs: longRunBudgetMs('admin'), clock });
    log.mockRestore();
    expect(deadlines).toEqual([11_000 + longRunBudgetMs('admin')]);
    expect(longRunBudgetMs('admin')).toBeLessThan(FUNCTION_TIMEOUT_S.admin * 1000);
  });

  test('fixes by adding the difference, so reads counted meanwhile are not lost', async () => {
    await activity();
    await h.store.adjustCounters([cellOnly(A, TODAY, 'bao', { pv: 5 })]);
    h.clock.advance(DAY);
    const meanwhile = Array.from({ length: 30 }, (_, i) => h.track('read', readInput(A), `o-later-${i}`));
    await Promise.all([reconcile(h.store, { from: null, to: dayOf(h.clock.ms), fix: true }), ...meanwhile]);
    expect(await drift(h.store)).toEqual([]);
    expect(await totals(h.store, A)).toMatchObject({ pv: 33 });
  });
});

function negate<T extends Record<string, number>>(counts: T): Partial<T> {
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, -n])) as Partial<T>;
}

describe('npm run reconcile', () => {
  const root = join(__dirname, '../..');
  const run = promisify(execFile);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'esd-reconcile-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const reconcileScript = (dataDir: string) =>
    run(process.execPath, ['--import', 'tsx', 'scripts/reconcile.ts', '--data', dataDir], { cwd: root });

  test('prints each drifted counter of npm start’s database, fixes it, and exits 0', async () => {
    const db = openDatabase(join(dir, 'app.db'));
    const stores = createSqliteStores(db);
    await syncInstallments(stores, loadCatalog());
    const dispatcher = createDispatcher({ functions, stores, readerSecret: LOCAL_READER_SECRET });
    await dispatcher.call('track', { action: 'read', input: readInput(A, { ch: 'bao' }) }, { openid: 'o-1' });
    db.prepare("UPDATE article_daily SET pv = pv + 2 WHERE channel = 'bao'").run();
    db.prepare('UPDATE article_stats SET uv = 7 WHERE article_id = ?').run(A);
    await stores.close();

    const first = await reconcileScript(dir);
    expect(first.stdout).toMatch(/账本 1 条/);
    expect(first.stdout).toMatch(new RegExp(`\\d{4}-\\d{2}-\\d{2}  ${A}  报纸\\(bao\\)  pv：计数 3 → 账本 1（-2）`));
    expect(first.stdout).toMatch(new RegExp(`总计 +${A}  uv：计数 7 → 账本 1（-6）`));
    expect(first.stdout).toMatch(/已按账本修正 2 处计数/);

    const second = await reconcileScript(dir);
    expect(second.stdout).toMatch(/计数与账本一致/);
  }, 30_000);

  test('says so when there is no database', async () => {
    await expect(reconcileScript(join(dir, 'missing'))).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/没有找到数据库/),
    });
  }, 30_000);
});
