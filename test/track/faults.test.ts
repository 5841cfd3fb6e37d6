import type { Database } from 'better-sqlite3';
import { reconcile } from '../../backend/track/reconcile';
import { type CloudBaseEndpoint, WRITE_OPS } from '../support/cloudbase-endpoint';
import {
  A,
  cloudbaseHarness,
  data,
  drift,
  type Harness,
  MINUTE,
  newId,
  readInput,
  sid,
  sqliteHarness,
  totals,
} from './support';

let quiet: jest.SpyInstance;
beforeEach(() => {
  quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => quiet.mockRestore());

interface Scenario {
  name: string;
  /** Brings the store to the state before the call under test. */
  setup: (h: Harness) => Promise<void>;
  input: () => Record<string, unknown>;
  action: 'read' | 'share';
  openid: string;
  expected: { pv: number; uv: number; shares?: number; shareReads?: number };
  /** CloudBase: what the k-th write failing needs, for each write of the call in order. */
  writes: Array<'exact after retry' | 'fixed by reconcile'>;
}

const LEDGER = 'exact after retry' as const;
const COUNTERS = 'fixed by reconcile' as const;

const scenarios: Scenario[] = [
  {
    name: 'a first read by a new reader',
    setup: async () => undefined,
    input: () => readInput(A, { ch: 'bao' }),
    action: 'read',
    openid: 'o-new',
    expected: { pv: 1, uv: 1 },
    writes: [LEDGER, COUNTERS],
  },
  {
    name: 'a counted read by a known reader',
    setup: async (h) => {
      await h.track('read', readInput(A), 'o-known');
      h.clock.advance(31 * MINUTE);
    },
    input: () => readInput(A),
    action: 'read',
    openid: 'o-known',
    expected: { pv: 2, uv: 1 },
    writes: [LEDGER, COUNTERS],
  },
  {
    name: 'a repeat within the window',
    setup: async (h) => {
      await h.track('read', readInput(A), 'o-known');
      h.clock.advance(MINUTE);
    },
    input: () => readInput(A),
    action: 'read',
    openid: 'o-known',
    expected: { pv: 1, uv: 1 },
    writes: [LEDGER],
  },
  {
    name: 'a share-driven read',
    setup: async (h) => {
      await h.track(
        'share',
        { eventId: newId('s'), articleId: A, shareId: sid('o-sharer', 'Flt1'), target: 'chat' },
        'o-sharer',
      );
    },
    input: () => readInput(A, { ch: 'chat', s: sid('o-sharer', 'Flt1'), scene: 1007 }),
    action: 'read',
    openid: 'o-friend',
    expected: { pv: 1, uv: 1, shares: 1, shareReads: 1 },
    writes: [LEDGER, COUNTERS],
  },
  {
    name: 'a share',
    setup: async () => undefined,
    input: () => ({ eventId: 'share-event-01', articleId: A, shareId: sid('o-sharer', 'Flt2'), target: 'poster' }),
    action: 'share',
    openid: 'o-sharer',
    expected: { pv: 0, uv: 0, shares: 1 },
    // The share record, then the ledger: a retry finds its own share record and goes on.
    writes: [LEDGER, LEDGER, COUNTERS],
  },
];

const FAR = { from: null, to: '99991231' } as const;

describe('CloudBase: a failure at each write in turn, then the app’s retry and the daily reconcile', () => {
  /** Makes the k-th write request from now on fail (before it is applied), once; the fault says whether it did. */
  const failWrite = (endpoint: CloudBaseEndpoint, k: number) =>
    endpoint.faults.next({ op: WRITE_OPS, after: k - 1, kind: 'error', message: `injected failure of write ${k}` });

  for (const s of scenarios) {
    test(`${s.name}: nothing lost, nothing counted twice`, async () => {
      const outcomes: string[] = [];
      for (let k = 1; ; k += 1) {
        const h = await cloudbaseHarness();
        const endpoint = h.endpoint as CloudBaseEndpoint;
        await s.setup(h);
        const input = s.input();
        const fault = failWrite(endpoint, k);
        const first = await h.track(s.action, input, s.openid);
        endpoint.faults.clear();
        if (fault.hits === 0) {
          // k is past the last write of this call: every write has had its turn.
          expect(first.ok).toBe(true);
          await h.close();
          break;
        }
        expect(first).toMatchObject({ ok: false, code: 'INTERNAL' });
        // The app sends the same event again.
        expect((await h.track(s.action, input, s.openid)).ok).toBe(true);
        const before = await drift(h.store);
        outcomes.push(before.length === 0 ? LEDGER : COUNTERS);
        await reconcile(h.store, { ...FAR, fix: true });
        expect(await drift(h.store)).toEqual([]);
        expect(await totals(h.store, A)).toMatchObject(s.expected);
        await h.close();
      }
      // Up to the ledger write, the retry alone is exact; a failed counter update after it needs the reconcile.
      expect(outcomes).toEqual(s.writes);
    });
  }

  test('a counter update that failed after the ledger was written shows as drift of exactly the missing amount', async () => {
    const h = await cloudbaseHarness();
    const endpoint = h.endpoint as CloudBaseEndpoint;
    await h.track('read', readInput(A), 'o-known');
    h.clock.advance(31 * MINUTE);
    const fault = failWrite(endpoint, 2);
    const input = readInput(A);
    expect(await h.track('read', input, 'o-known')).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(fault.hits).toBe(1);
    expect(data(await h.track('read', input, 'o-known'))).toMatchObject({ counted: true });
    expect(await drift(h.store)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          articleId: A,
          day: '20261127',
          channel: 'other',
          counter: 'pv',
          counted: 1,
          ledger: 2,
        }),
        expect.objectContaining({ articleId: A, day: null, counter: 'pv', counted: 1, ledger: 2 }),
      ]),
    );
    await reconcile(h.store, { ...FAR, fix: true });
    expect(await totals(h.store, A)).toMatchObject({ pv: 2, uv: 1 });
    await h.close();
  });

  test('a failed reader write (the new reader’s add): the retry counts it once', async () => {
    const h = await cloudbaseHarness();
    const endpoint = h.endpoint as CloudBaseEndpoint;
    const input = readInput(A);
    endpoint.faults.next({ op: 'add', kind: 'error' });
    expect(await h.track('read', input)).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(data(await h.track('read', input))).toEqual({ counted: true, readCount: 1 });
    expect(await drift(h.store)).toEqual([]);
    await h.close();
  });
});

describe('SQLite: a failure at any table rolls the whole call back', () => {
  const TABLES = [
    'track_readers',
    'track_reader_articles',
    'track_ledger',
    'track_shares',
    'article_stats',
    'article_daily',
  ];
  const contents = (db: Database) =>
    JSON.stringify(TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));

  for (const s of scenarios) {
    for (const table of TABLES) {
      test(`${s.name}, failing on ${table}`, async () => {
        const h = await sqliteHarness();
        const db = h.db as Database;
        await s.setup(h);
        const input = s.input();
        const before = contents(db);
        db.exec(`
          CREATE TEMP TRIGGER fail_insert BEFORE INSERT ON main.${table} BEGIN SELECT RAISE(ABORT, 'injected'); END;
          CREATE TEMP TRIGGER fail_update BEFORE UPDATE ON main.${table} BEGIN SELECT RAISE(ABORT, 'injected'); END;
        `);
        const first = await h.track(s.action, input, s.openid);
        db.exec('DROP TRIGGER fail_insert; DROP TRIGGER fail_update;');
        if (first.ok) {
          // This call does not write that table (e.g. no share in a read).
          expect(await totals(h.store, A)).toMatchObject(s.expected);
        } else {
          expect(first).toMatchObject({ code: 'INTERNAL' });
          expect(contents(db)).toBe(before);
          expect((await h.track(s.action, input, s.openid)).ok).toBe(true);
        }
        expect(await drift(h.store)).toEqual([]);
        expect(await totals(h.store, A)).toMatchObject(s.expected);
        await h.close();
      });
    }
  }
});
