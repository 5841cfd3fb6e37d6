import type { Database } from 'better-sqlite3';
import { loadCatalog } from '../../backend/content/catalog';
import { syncInstallments } from '../../backend/content/sync';
import { CLIENT_SOURCE, type HandlerContext } from '../../backend/core/context';
import { createDispatcher } from '../../backend/core/dispatcher';
import { LOCAL_READER_SECRET, readerKeys, sharePrefixOf } from '../../backend/core/reader-key';
import type { Stores } from '../../backend/core/stores';
import { functions } from '../../backend/functions';
import { createCloudBaseStores } from '../../backend/storage/cloudbase';
import { createSqliteStores, openDatabase } from '../../backend/storage/sqlite';
import { addDays } from '../../backend/track/day';
import { type DailyCounts, TOTAL_COUNTERS, type TotalCounts, zeroCounts } from '../../backend/track/model';
import type { TrackStore } from '../../backend/track/port';
import { type Drift, reconcile } from '../../backend/track/reconcile';
import type { Attribution, Envelope } from '../../typings/contract';
import type { CloudBaseEndpoint } from '../support/cloudbase-endpoint';
import { freshEndpoint } from '../support/file-endpoint';

/** Speeches of installment (一): 2, 2 and 7 minutes of reading. */
export const A = '825czk';
export const B = 'q7p9oq';
export const LONG = '369l92';

export const T0 = Date.parse('2026-11-27T08:00:00Z');
/** The administrator ADMIN_OPENIDS names in every harness. */
export const ADMIN = 'o-admin-boot';
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
  stores: Stores;
  /** The track port of `stores`. */
  store: TrackStore;
  clock: Clock;
  /**
   * Set for the CloudBase adapter: the local endpoint its stores talk to through the real SDK (shared by the test
   * file, emptied when the harness is opened): its request log, faults and records.
   */
  endpoint?: CloudBaseEndpoint;
  /** Set for the SQLite adapter. */
  db?: Database;
  ctx(openid: string | null, source?: string | null): HandlerContext;
  /**
   * Dispatches a `track` action as `openid` (null: no openid, as in 朋友圈 single-page mode), from `source`
   * (getWXContext().SOURCE; the WeChat client unless said otherwise).
   */
  track<T>(action: string, input: unknown, openid?: string | null, source?: string | null): Promise<Envelope<T>>;
  /** Dispatches any function's action as `openid` from the WeChat client; ADMIN is an administrator. */
  call<T>(fn: string, action: string, input: unknown, openid?: string | null): Promise<Envelope<T>>;
  close(): Promise<void>;
}

function harness(name: string, stores: Stores, extra: Pick<Harness, 'endpoint' | 'db'>): Harness {
  const clock = new Clock();
  // console.error looked up per error, so a test's spy on it quiets the errors it provokes.
  const log = (error: unknown) => console.error(error);
  const dispatcher = createDispatcher({
    functions,
    stores,
    readerSecret: LOCAL_READER_SECRET,
    adminOpenids: [ADMIN],
    now: clock.now,
    log,
  });
  const ctx = (openid: string | null, source: string | null = CLIENT_SOURCE): HandlerContext =>
    dispatcher.context({ openid, source });
  return {
    name,
    stores,
    store: stores.track,
    clock,
    ...extra,
    ctx,
    track: async <T>(action: string, input: unknown, openid: string | null = 'o-reader', source?: string | null) =>
      (await dispatcher.call(
        'track',
        { action, input },
        { openid, source: source === undefined ? CLIENT_SOURCE : source },
      )) as Envelope<T>,
    call: async <T>(fn: string, action: string, input: unknown, openid: string | null = ADMIN) =>
      (await dispatcher.call(fn, { action, input }, { openid, source: CLIENT_SOURCE })) as Envelope<T>,
    close: () => stores.close(),
  };
}

export async function sqliteHarness(): Promise<Harness> {
  const db = openDatabase(':memory:');
  const stores = createSqliteStores(db);
  await syncInstallments(stores, loadCatalog());
  return harness('SQLite', stores, { db });
}

export const CLOUDBASE = 'CloudBase (real SDK, local endpoint)';

/**
 * The CloudBase stores over the real wx-server-sdk and the test file's local endpoint (started on first use, closed
 * after the file's tests), emptied and holding the curated installment; the request log starts empty. The endpoint
 * is the file's: opening a harness empties it, so a file uses one CloudBase harness at a time.
 */
export async function cloudbaseHarness(): Promise<Harness> {
  const endpoint = await freshEndpoint();
  const stores = createCloudBaseStores(endpoint.database());
  await syncInstallments(stores, loadCatalog());
  endpoint.requests.clear();
  return harness(CLOUDBASE, stores, { endpoint });
}

export const adapters: Array<[string, () => Promise<Harness>]> = [
  ['SQLite', sqliteHarness],
  [CLOUDBASE, cloudbaseHarness],
];

export const data = <T>(res: Envelope<T>): T => {
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
  return res.data;
};

const FAR = '99991231';

/** Every article total at 0. */
export const NO_TOTALS: TotalCounts = zeroCounts(TOTAL_COUNTERS);

/**
 * The article's totals as stored. A snapshot's totals are of every day whatever its range, so an empty range asks
 * for them alone (on CloudBase without reading every day of every counter record).
 */
export async function totals(store: TrackStore, articleId: string): Promise<TotalCounts> {
  const snapshot = await store.reconcileSnapshot({ from: FAR, to: FAR });
  return snapshot.totals.get(articleId) ?? NO_TOTALS;
}

/** The article's daily counters by channel, for one day. */
export async function dailyByChannel(
  store: TrackStore,
  articleId: string,
  day: string,
): Promise<Map<string, DailyCounts>> {
  const snapshot = await store.reconcileSnapshot({ from: day, to: addDays(day, 1) });
  return new Map(snapshot.cells.filter((r) => r.articleId === articleId).map((r) => [r.channel, r.counts]));
}

/** Every counter that differs from what the ledger implies (nothing is changed). */
export const drift = async (store: TrackStore): Promise<Drift[]> =>
  (await reconcile(store, { from: null, to: FAR, fix: false })).drift;

/** A share id of `openid`'s own: their share prefix and `tag` (4 characters). */
export const sid = (openid: string, tag: string): string => {
  const key = readerKeys(LOCAL_READER_SECRET)({ openid }, undefined)?.key as string;
  return `${sharePrefixOf(key)}${tag}`;
};

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
