import type { Database } from 'better-sqlite3';
import { loadCatalog } from '../../backend/content/catalog';
import { syncInstallments } from '../../backend/content/sync';
import { CLIENT_SOURCE, type HandlerContext } from '../../backend/core/context';
import { LOCAL_READER_SECRET, readerKeys } from '../../backend/core/reader-key';
import { dispatch } from '../../backend/core/router';
import { createCloudBaseStore } from '../../backend/storage/cloudbase';
import { type DailyCounts, type Store, TOTAL_OF, type TotalCounts } from '../../backend/storage/port';
import { openDatabase } from '../../backend/storage/sqlite';
import { createSqliteStore } from '../../backend/storage/sqlite/store';
import { addDays } from '../../backend/track/day';
import { trackActions } from '../../backend/track/handlers';
import { type Drift, reconcile } from '../../backend/track/reconcile';
import type { Attribution, Envelope } from '../../typings/contract';
import { FakeCloudDb } from '../support/fake-cloud-db';

/** Speeches of installment (一): 2, 2 and 7 minutes of reading. */
export const A = '825czk';
export const B = 'q7p9oq';
export const LONG = '369l92';

export const T0 = Date.parse('2026-11-27T08:00:00Z');
export const MINUTE = 60_000;

export const attribution = (over: Partial<Attribution> = {}): Attribution => ({
  scene: 1001,
  chatType: null,
  apiCategory: 'default',
  ch: null,
  s: null,
  ...over,
});

let serial = 0;
/** A fresh, valid client event id. */
export const newId = (prefix = 'ev'): string => {
  serial += 1;
  return `${prefix}-${String(serial).padStart(6, '0')}`;
};

export class Clock {
  constructor(public ms = T0) {}
  readonly now = (): Date => new Date(this.ms);
  advance(ms: number): void {
    this.ms += ms;
  }
}

export interface Harness {
  name: string;
  store: Store;
  clock: Clock;
  /** Set for the CloudBase adapter. */
  fake?: FakeCloudDb;
  /** Set for the SQLite adapter. */
  db?: Database;
  ctx(openid: string | null, source?: string | null): HandlerContext;
  /**
   * Dispatches a `track` action as `openid` (null: no openid, as in 朋友圈 single-page mode), from `source`
   * (getWXContext().SOURCE; the WeChat client unless said otherwise).
   */
  track<T>(action: string, input: unknown, openid?: string | null, source?: string | null): Promise<Envelope<T>>;
  close(): Promise<void>;
}

function harness(name: string, store: Store, extra: Pick<Harness, 'fake' | 'db'>): Harness {
  const clock = new Clock();
  const readerKey = readerKeys(LOCAL_READER_SECRET);
  const ctx = (openid: string | null, source: string | null = CLIENT_SOURCE): HandlerContext => ({
    identity: { openid, source },
    now: clock.now,
    store,
    readerKey,
  });
  return {
    name,
    store,
    clock,
    ...extra,
    ctx,
    track: async <T>(action: string, input: unknown, openid: string | null = 'o-reader', source?: string | null) =>
      (await dispatch(trackActions, { action, input }, ctx(openid, source))) as Envelope<T>,
    close: () => store.close(),
  };
}

export async function sqliteHarness(): Promise<Harness> {
  const db = openDatabase(':memory:');
  const store = createSqliteStore(db);
  await syncInstallments(store, loadCatalog());
  return harness('SQLite', store, { db });
}

export async function cloudbaseHarness(): Promise<Harness> {
  const fake = new FakeCloudDb();
  const store = createCloudBaseStore(fake);
  await syncInstallments(store, loadCatalog());
  fake.ops.reset();
  return harness('CloudBase', store, { fake });
}

export const adapters: Array<[string, () => Promise<Harness>]> = [
  ['SQLite', sqliteHarness],
  ['CloudBase over the fake', cloudbaseHarness],
];

export const data = <T>(res: Envelope<T>): T => {
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
  return res.data;
};

const FAR = '99991231';

/** Every article total at 0. */
export const NO_TOTALS = Object.fromEntries(Object.keys(TOTAL_OF).map((t) => [t, 0])) as unknown as TotalCounts;

/** The article's totals as stored. */
export async function totals(store: Store, articleId: string): Promise<TotalCounts> {
  const snapshot = await store.tallySnapshot({ from: null, to: FAR });
  return snapshot.totals.get(articleId) ?? NO_TOTALS;
}

/** The article's daily counters by channel, for one day. */
export async function dailyByChannel(store: Store, articleId: string, day: string): Promise<Map<string, DailyCounts>> {
  const snapshot = await store.tallySnapshot({ from: day, to: addDays(day, 1) });
  return new Map(snapshot.daily.filter((r) => r.articleId === articleId).map((r) => [r.channel, r.counts]));
}

/** Every counter that differs from what the ledger implies (nothing is changed). */
export const drift = async (store: Store): Promise<Drift[]> =>
  (await reconcile(store, { from: null, to: FAR, fix: false })).drift;

export const readInput = (articleId: string, over: Partial<Attribution> = {}, eventId = newId('r')) => ({
  eventId,
  articleId,
  attribution: attribution(over),
});

/**
 * `describe`s `body` once per adapter. Each test gets a fresh harness in `h` (the same object, refilled),
 * and after each test the counters must be exactly what the ledger implies.
 */
export function describeOnEachAdapter(title: string, body: (h: Harness) => void): void {
  describe.each(adapters)(`${title}, on %s`, (_name, open) => {
    const h = {} as Harness;
    beforeEach(async () => {
      for (const key of Object.keys(h)) delete (h as unknown as Record<string, unknown>)[key];
      Object.assign(h, await open());
    });
    afterEach(async () => {
      expect(await drift(h.store)).toEqual([]);
      await h.close();
    });
    body(h);
  });
}
