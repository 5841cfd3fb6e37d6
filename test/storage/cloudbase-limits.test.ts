import { calculateObjectSize } from 'bson';
import { CLIENT_SOURCE } from '../../backend/core/context';
import { LOCAL_READER_SECRET, readerKeys } from '../../backend/core/reader-key';
import {
  ARTICLE_STATS,
  type CountersDoc,
  type DayEntries,
  dayField,
  LEDGER_PREFIX,
  type LedgerDoc,
  ledgerId,
  MAX_HELD_DAYS,
  READER_PREFIX,
  type ReaderDoc,
  readerId,
  SHARE_PREFIX,
  type ShareDoc,
  zeroCounters,
} from '../../backend/storage/cloudbase/documents';
import { toEntryDoc } from '../../backend/storage/cloudbase/entries';
import { CHANNELS } from '../../backend/track/channels';
import { addDays, dayOf } from '../../backend/track/day';
import { MAX_LEDGER_PER_READER_DAY } from '../../backend/track/decide/ledger';
import {
  addCounts,
  DAILY_COUNTERS,
  type DailyCounts,
  type DayKey,
  deltaOf,
  type LedgerEntry,
  type ReaderArticle,
  TOTAL_COUNTERS,
  TOTAL_OF,
  type TotalCounter,
} from '../../backend/track/model';
import { reconcile } from '../../backend/track/reconcile';
import { RESEND_WITHIN_DAYS } from '../../typings/contract';
import { type CloudBaseEndpoint, PLATFORM_LIMITS } from '../support/cloudbase-endpoint';
import { A, B, cloudbaseHarness, data, type Harness, MINUTE, readInput, T0, totals } from '../track/support';

/**
 * The bounded records of the CloudBase adapter, through the real SDK against the local endpoint with the platform's
 * own limits (1 MB per answer, 16 MB per record): readers at the daily cap for weeks, a day of many such readers,
 * the daily archive of closed days, and an article read every day for more than a year.
 */

const ONE_MB = PLATFORM_LIMITS.maxResponseBytes;
const CAP = MAX_LEDGER_PER_READER_DAY;
const DAY = 24 * 60 * MINUTE;
/** The harness's clock starts on this day (16:00 China time). */
const TODAY = dayOf(T0);
const YESTERDAY = addDays(TODAY, -1);
/** Each speech read under a channel of its own. */
const SPEECH_CHANNELS = ['bao', 'chat', 'session', 'wei', 'scan', 'other'];

const keyOf = (openid: string): string => {
  const reader = readerKeys(LOCAL_READER_SECRET)({ openid, source: CLIENT_SOURCE }, undefined);
  if (reader === null) throw new Error('no reader key');
  return reader.key;
};

/** Midnight of a China-time day, in ms. */
const startOf = (day: DayKey): number =>
  Date.parse(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}T00:00:00+08:00`);

let serial = 0;
/** An event id as the app makes them: the time in base 36, then 10 more characters. */
const eventIdAt = (at: number): string => {
  serial += 1;
  return `${at.toString(36)}${serial.toString(36).padStart(10, '0')}`;
};
const newShareId = (): string => {
  serial += 1;
  return `sh${serial.toString(36).padStart(6, '0')}`;
};

/** One reader's day at the daily cap, and what their record says afterwards. */
interface ReaderDay {
  day: DayKey;
  entries: LedgerEntry[];
  /** The share records its shares made. */
  shares: Array<ShareDoc & { _id: string }>;
  articles: Map<string, ReaderArticle>;
  shared: string[];
  last: number;
}

/**
 * A reader's day at the cap, as the rules would record it: from 08:00 an opening every 25 s, the speeches in turn
 * (well within the 120 a minute), so each speech is counted once (its first opening; the rest fall in its 30-minute
 * window); the first reading of each speech completed once, and a share of one speech every 100 events (the first of
 * each speech to chat counted). `firstDay`: the reader's first day ever.
 */
function capDay(key: string, day: DayKey, articleIds: readonly string[], firstDay: boolean): ReaderDay {
  const entries: LedgerEntry[] = [];
  const shares: ReaderDay['shares'] = [];
  const articles = new Map<string, ReaderArticle>();
  const shared = new Set<string>();
  const start = startOf(day) + 8 * 60 * MINUTE;
  let last = start;
  for (let i = 0; i < CAP; i += 1) {
    const at = start + i * 25_000;
    last = at;
    const eventId = eventIdAt(at);
    const index = i % articleIds.length;
    const articleId = articleIds[index] as string;
    const channel = SPEECH_CHANNELS[index] as string;
    const state = articles.get(articleId);
    if (i % 100 === 99 && state !== undefined) {
      const shareId = newShareId();
      const counted = !shared.has(articleId);
      shared.add(articleId);
      entries.push({ type: 'share', eventId, articleId, at, day, channel: 'chat', shareId, target: 'chat', counted });
      shares.push({ _id: SHARE_PREFIX + shareId, t: 'share', article: articleId, reader: key, eventId, at });
    } else if (i % 100 === 98 && state !== undefined && state.completed === null) {
      entries.push({
        type: 'completion',
        eventId,
        articleId,
        at,
        day,
        channel: state.sessionChannel,
        readEventId: state.session,
        session: state.session,
      });
      articles.set(articleId, { ...state, completed: state.session });
    } else {
      const counted = state === undefined;
      const session = state?.session ?? eventId;
      entries.push({
        type: 'read',
        eventId,
        articleId,
        at,
        day,
        channel,
        counted,
        firstEver: firstDay && counted,
        firstToday: counted,
        share: null,
        unknownShare: false,
        siteFirstToday: i === 0,
        siteFirstEver: firstDay && i === 0,
        session,
      });
      articles.set(articleId, {
        lastOpenAt: at,
        session,
        sessionChannel: state?.sessionChannel ?? channel,
        uvDay: day,
        completed: state?.completed ?? null,
      });
    }
  }
  return { day, entries, shares, articles, shared: [...shared].map((id) => `${id}|chat`), last };
}

const dayEntries = (entries: readonly LedgerEntry[]): DayEntries =>
  Object.fromEntries(entries.map((e) => [e.eventId, toEntryDoc(e)]));

/** The ledger record of one archived day, as the archive writes it. */
const ledgerDoc = (key: string, d: ReaderDay): LedgerDoc & { _id: string } => ({
  _id: ledgerId(d.day, key),
  t: 'ledger',
  r: key,
  kind: 'openid',
  day: d.day,
  n: d.entries.length,
  ev: { [dayField(d.day)]: dayEntries(d.entries) },
});

/** A reader's record holding the days `held` (oldest first), after `all` of its days (the last one last). */
function readerDoc(key: string, all: readonly ReaderDay[], held: readonly ReaderDay[]): ReaderDoc & { _id: string } {
  const last = all.at(-1) as ReaderDay;
  const articles: Record<string, ReaderArticle> = {};
  for (const d of all) for (const [id, a] of d.articles) articles[id] = a;
  const lastMinute = Math.floor(last.last / MINUTE);
  return {
    _id: readerId(key),
    t: 'reader',
    kind: 'openid',
    v: all.length,
    w: 'seeded',
    rate: { minute: lastMinute, count: last.entries.filter((e) => Math.floor(e.at / MINUTE) === lastMinute).length },
    size: all.length * CAP,
    today: { day: last.day, count: last.entries.length },
    sh: { day: last.day, keys: last.shared },
    rd: last.day,
    o: held[0]?.day ?? '',
    a: articles,
    ev: Object.fromEntries(held.map((d) => [dayField(d.day), dayEntries(d.entries)])),
    n: Object.fromEntries(held.map((d) => [dayField(d.day), d.entries.length])),
  };
}

const shareDocs = (days: readonly ReaderDay[]) => days.flatMap((d) => d.shares);

/**
 * The counter records the entries add up to, in the adapter's shape: totals, `c` per channel and `d` per day and
 * channel, with only non-zero counters (as `_.inc` leaves them).
 */
function countersOf(
  entries: readonly LedgerEntry[],
  minutes: ReadonlyMap<string, number>,
): Array<CountersDoc & { _id: string }> {
  const docs = new Map<string, CountersDoc & { _id: string }>();
  for (const [id, m] of minutes) docs.set(id, { _id: id, ...zeroCounters(true, m) });
  for (const entry of entries) {
    const { articleId, cell, totals } = deltaOf(entry, 'openid');
    const doc = docs.get(articleId);
    if (doc === undefined || cell === null) continue;
    addCounts<TotalCounter>(doc, totals);
    doc.c[cell.channel] ??= {};
    addCounts(doc.c[cell.channel] as Partial<DailyCounts>, cell.add);
    const day = doc.d[dayField(cell.day)] ?? {};
    doc.d[dayField(cell.day)] = day;
    day[cell.channel] ??= {};
    addCounts(day[cell.channel] as Partial<DailyCounts>, cell.add);
  }
  return [...docs.values()];
}

/** The catalog's speeches (the harness holds them) with their reading times. */
async function speeches(h: Harness): Promise<Map<string, number>> {
  return new Map((await h.stores.content.listArticles()).map((a) => [a.id, a.readingMinutes]));
}

/** Stores records in `article_stats` directly (test setup: no request, no limits). */
const seed = (endpoint: CloudBaseEndpoint, docs: ReadonlyArray<{ _id: string }>) => endpoint.seed(ARTICLE_STATS, docs);

const endpointOf = (h: Harness): CloudBaseEndpoint => h.endpoint as CloudBaseEndpoint;

const EXCEEDS = { errMsg: expect.stringContaining('EXCEED_MAX_RESPONSE_SIZE') };

let h: Harness;
afterEach(() => h.close());

describe('a reader at the daily cap for 30 days', () => {
  const OPENID = 'o-heavy-reader';
  const KEY = keyOf(OPENID);
  /** 30 days at the cap, ending yesterday; the timer has archived all but the last two into ledger records. */
  const DAYS = Array.from({ length: 30 }, (_, i) => addDays(YESTERDAY, i - 29));

  test('is recorded on a new day, keeps a small record, and each of those days reconciles', async () => {
    h = await cloudbaseHarness();
    const endpoint = endpointOf(h);
    const minutes = await speeches(h);
    const ids = [...minutes.keys()];
    const days = DAYS.map((day, i) => capDay(KEY, day, ids, i === 0));
    const held = days.slice(-2);
    seed(endpoint, [
      readerDoc(KEY, days, held),
      ...days.slice(0, -2).map((d) => ledgerDoc(KEY, d)),
      ...shareDocs(days),
      ...countersOf(
        days.flatMap((d) => d.entries),
        minutes,
      ),
    ]);
    expect(endpoint.peek(ARTICLE_STATS).filter((d) => String(d._id).startsWith(LEDGER_PREFIX))).toHaveLength(28);

    // One counted read today: the speech's count is the 30 days' plus this one.
    endpoint.requests.clear();
    expect(data(await h.track('read', readInput(A), OPENID))).toEqual({ counted: true, readCount: 31 });
    // Its snapshot was projected to what the call names: no answer carried the reader's ledger.
    expect(endpoint.requests.count()).toBe(3);
    expect(endpoint.requests.largestAnswer()).toBeLessThan(16 * 1024);

    const reader = endpoint.peek(ARTICLE_STATS).find((d) => d._id === readerId(KEY)) as unknown as ReaderDoc;
    expect(Object.keys(reader.n).sort()).toEqual([...held.map((d) => dayField(d.day)), dayField(TODAY)]);
    expect(reader.size).toBe(30 * CAP + 1);
    // The record holds two days and a read: a fraction of a megabyte, sixteen times under the record limit.
    expect(calculateObjectSize(reader)).toBeLessThan(PLATFORM_LIMITS.maxRecordBytes / 16);

    // Each of the 30 days reconciles on its own, its entries wherever they are kept, within the answer limit.
    for (const day of DAYS) {
      endpoint.requests.clear();
      expect(await reconcile(h.store, { from: day, to: addDays(day, 1), fix: false })).toEqual({
        entries: CAP,
        drift: [],
      });
      expect(endpoint.requests.largestAnswer()).toBeLessThan(ONE_MB);
    }
    expect(await reconcile(h.store, { from: TODAY, to: addDays(TODAY, 1), fix: false })).toEqual({
      entries: 1,
      drift: [],
    });
  });
});

describe('200 readers at the daily cap on one day', () => {
  const READERS = 200;
  /** Their day, built once for both tests (the speeches are the catalog's, the same in every harness). */
  let built: Array<{ key: string; day: ReaderDay }> | undefined;
  let counters: ReturnType<typeof countersOf> = [];

  /** A harness holding the 200 readers' day (the counters and share records it made) in `shape`. */
  async function open(shape: 'held by the readers' | 'archived'): Promise<CloudBaseEndpoint> {
    h = await cloudbaseHarness();
    const endpoint = endpointOf(h);
    if (built === undefined) {
      const minutes = await speeches(h);
      const ids = [...minutes.keys()];
      built = Array.from({ length: READERS }, (_, i) => {
        const key = keyOf(`o-busy-${i}`);
        return { key, day: capDay(key, YESTERDAY, ids, true) };
      });
      counters = countersOf(
        built.flatMap((r) => r.day.entries),
        minutes,
      );
    }
    const readers = built;
    seed(endpoint, [...readers.flatMap((r) => r.day.shares), ...counters]);
    if (shape === 'held by the readers') {
      seed(
        endpoint,
        readers.map(({ key, day }) => readerDoc(key, [day], [day])),
      );
    } else {
      // As the daily archive leaves it (see 'the daily archive' below): a ledger record per reader, and readers'
      // records holding no ledger.
      seed(endpoint, [
        ...readers.map(({ key, day }) => readerDoc(key, [day], [])),
        ...readers.map(({ key, day }) => ledgerDoc(key, day)),
      ]);
    }
    endpoint.requests.clear();
    return endpoint;
  }

  const wholeRecords = (endpoint: CloudBaseEndpoint, t: 'reader' | 'ledger') =>
    endpoint.database().collection(ARTICLE_STATS).where({ t }).limit(100).get();

  test.each([
    ['held by the readers', 'reader'],
    ['archived', 'ledger'],
  ] as const)(
    'reconcile that day, %s, in pages under the 1 MB answer limit',
    async (shape, t) => {
      const endpoint = await open(shape);
      expect(await reconcile(h.store, { from: YESTERDAY, to: TODAY, fix: false })).toEqual({
        entries: READERS * CAP,
        drift: [],
      });
      expect(endpoint.requests.largestAnswer()).toBeLessThan(ONE_MB);
      // One page of the same records whole, as a read that is not planned by size would ask: refused.
      await expect(wholeRecords(endpoint, t)).rejects.toMatchObject(EXCEEDS);
      // 200,000 entries through the SDK's answer decoding and the adapter: over ten seconds of a busy core each.
    },
    120_000,
  );
});

describe('the daily archive', () => {
  const OPENID = 'o-archived';
  const KEY = keyOf(OPENID);
  const DAY1 = TODAY;
  const ARCHIVE_DAY = addDays(DAY1, 3);

  /**
   * Reads on three days by one reader, and one on the archive's day by another (not archived: that day is open).
   * The same event ids every time, so that two harnesses that ran it hold the same records.
   */
  const activity = async () => {
    for (const [i, articleId] of [A, B, A].entries()) {
      h.clock.ms = T0 + i * DAY;
      await h.track('read', readInput(articleId, {}, `evArchive${i}`), OPENID);
    }
    h.clock.ms = T0 + 3 * DAY;
    await h.track('read', readInput(B, {}, 'evArchive3'), 'o-today');
  };
  const stats = () => endpointOf(h).peek(ARTICLE_STATS);
  /** What the ledger is kept in: the ledger records, and the readers' ledger fields, without versions or tokens. */
  const ledgerState = () =>
    stats()
      .filter((d) => String(d._id).startsWith(LEDGER_PREFIX) || String(d._id).startsWith(READER_PREFIX))
      .map((d) => (d.t === 'reader' ? { _id: d._id, o: d.o, ev: d.ev, n: d.n } : d))
      .sort((x, y) => String(x._id).localeCompare(String(y._id)));
  const everyDay = { from: null, to: addDays(ARCHIVE_DAY, 1), fix: false } as const;

  test('moves closed days out of the reader’s record into a ledger record each, once', async () => {
    h = await cloudbaseHarness();
    await activity();
    const before = await h.store.reconcileSnapshot(everyDay);

    expect(await h.store.archiveLedger(ARCHIVE_DAY)).toEqual({ readers: 1, entries: 3 });
    const reader = stats().find((d) => d._id === readerId(KEY));
    expect(reader).toMatchObject({ o: '', n: {}, ev: {} });
    for (const i of [0, 1, 2]) {
      const day = addDays(DAY1, i);
      const record = stats().find((d) => d._id === ledgerId(day, KEY));
      expect(record).toMatchObject({ t: 'ledger', r: KEY, day, n: 1 });
      expect(Object.keys((record as unknown as LedgerDoc).ev)).toEqual([dayField(day)]);
    }
    // Today's reader keeps today.
    expect(stats().find((d) => d._id === readerId(keyOf('o-today')))).toMatchObject({ o: ARCHIVE_DAY });

    // Run again: nothing left to move, nothing changed.
    const once = ledgerState();
    expect(await h.store.archiveLedger(ARCHIVE_DAY)).toEqual({ readers: 0, entries: 0 });
    expect(ledgerState()).toEqual(once);
    expect((await h.store.reconcileSnapshot(everyDay)).entries).toEqual(before.entries);
    expect(await reconcile(h.store, everyDay)).toEqual({ entries: 4, drift: [] });
  });

  const faults = [
    ['the answer to a ledger record’s add is lost', { op: 'add', kind: 'lostReply' }],
    ['a ledger record’s add fails', { op: 'add', kind: 'error' }],
    ['the answer to the reader’s update is lost', { op: 'update', kind: 'lostReply' }],
    ['the reader’s update fails', { op: 'update', kind: 'error' }],
  ] as const;

  test.each(faults)(
    'when %s, the next run leaves every entry once, as an archive with no fault does',
    async (_, fault) => {
      h = await cloudbaseHarness();
      await activity();
      const entries = (await h.store.reconcileSnapshot(everyDay)).entries;
      await h.store.archiveLedger(ARCHIVE_DAY);
      const clean = ledgerState();
      await h.close();

      h = await cloudbaseHarness();
      await activity();
      const injected = endpointOf(h).faults.next(fault);
      await h.store.archiveLedger(ARCHIVE_DAY).catch(() => undefined);
      expect(injected.hits).toBe(1);
      // Mid-way or not, each entry is read once.
      expect((await h.store.reconcileSnapshot(everyDay)).entries).toEqual(entries);
      await h.store.archiveLedger(ARCHIVE_DAY);
      expect(ledgerState()).toEqual(clean);
      expect(await h.store.archiveLedger(ARCHIVE_DAY)).toEqual({ readers: 0, entries: 0 });
      expect(await reconcile(h.store, everyDay)).toEqual({ entries: 4, drift: [] });
    },
  );

  test(`recognises an event sent again within ${RESEND_WITHIN_DAYS} days after its day was archived`, async () => {
    h = await cloudbaseHarness();
    const endpoint = endpointOf(h);
    const first = readInput(A);
    expect(data(await h.track('read', first, OPENID))).toEqual({ counted: true, readCount: 1 });
    h.clock.ms = T0 + RESEND_WITHIN_DAYS * DAY;
    const today = dayOf(h.clock.ms);
    expect(await h.store.archiveLedger(today)).toEqual({ readers: 1, entries: 1 });
    expect(stats().find((d) => d._id === ledgerId(DAY1, KEY))).toMatchObject({ n: 1 });

    endpoint.requests.clear();
    // Answered as the first time, from the ledger record: one get, nothing written, nothing counted.
    expect(data(await h.track('read', first, OPENID))).toEqual({ counted: true, readCount: 1 });
    expect(endpoint.requests.byOp()).toMatchObject({ get: 1, add: 0, set: 0, update: 0, remove: 0 });
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
  });

  test(`a reader whose record holds more than ${MAX_HELD_DAYS} days is archived by their next write first`, async () => {
    h = await cloudbaseHarness();
    const days = MAX_HELD_DAYS + 1;
    for (let i = 0; i < days; i += 1) {
      h.clock.ms = T0 + i * DAY;
      await h.track('read', readInput(A), OPENID);
    }
    const reader = () => stats().find((d) => d._id === readerId(KEY)) as unknown as ReaderDoc;
    expect(Object.keys(reader().n)).toHaveLength(MAX_HELD_DAYS + 1);

    h.clock.ms = T0 + days * DAY;
    expect(data(await h.track('read', readInput(A), OPENID))).toEqual({ counted: true, readCount: days + 1 });
    const today = dayOf(h.clock.ms);
    const yesterday = addDays(today, -1);
    // Every day before yesterday moved out, then the read was stored.
    expect(reader()).toMatchObject({ o: yesterday, n: { [dayField(yesterday)]: 1, [dayField(today)]: 1 } });
    expect(Object.keys(reader().n)).toHaveLength(2);
    for (let i = 0; i < days - 1; i += 1) {
      expect(stats().find((d) => d._id === ledgerId(addDays(DAY1, i), KEY))).toMatchObject({ n: 1 });
    }
    expect(await reconcile(h.store, { from: null, to: addDays(today, 1), fix: false })).toEqual({
      entries: days + 1,
      drift: [],
    });
  });
});

describe('an article read every day for more than a year', () => {
  /** Days of counters before today, each with every counter of every channel moved. */
  const DAYS = 400;
  /** Every channel a counter can be kept under. */
  const CHANNEL_CODES = Object.keys(CHANNELS);

  /** A's counter record after DAYS days of reads: every day, channel and counter non-zero; totals their sums. */
  function hotCounters(minutes: number): CountersDoc & { _id: string } {
    const doc: CountersDoc & { _id: string } = { _id: A, ...zeroCounters(true, minutes) };
    let n = 0;
    for (let i = DAYS; i >= 1; i -= 1) {
      const day: Record<string, Partial<DailyCounts>> = {};
      for (const channel of CHANNEL_CODES) {
        const counts = Object.fromEntries(
          DAILY_COUNTERS.map((c) => {
            n += 7919;
            return [c, 1 + (n % 997)];
          }),
        ) as DailyCounts;
        day[channel] = counts;
        doc.c[channel] ??= {};
        addCounts(doc.c[channel] as Partial<DailyCounts>, counts);
      }
      doc.d[dayField(addDays(TODAY, -i))] = day;
    }
    for (const t of TOTAL_COUNTERS) {
      doc[t] = Object.values(doc.c).reduce((sum, counts) => sum + (counts[TOTAL_OF[t]] ?? 0), 0);
    }
    return doc;
  }

  test('is never read whole: counting, read counts and a day’s reconcile all get small answers', async () => {
    h = await cloudbaseHarness();
    const endpoint = endpointOf(h);
    const minutes = (await speeches(h)).get(A) as number;
    const hot = hotCounters(minutes);
    seed(endpoint, [hot]);
    // The record as a whole is more than one answer can carry.
    await expect(endpoint.database().collection(ARTICLE_STATS).where({ _id: A }).get()).rejects.toMatchObject(EXCEEDS);

    endpoint.requests.clear();
    // Readers today, named and counted.
    for (const openid of ['o-hot-1', 'o-hot-2', 'o-hot-3']) {
      expect(data(await h.track('read', readInput(A, { ch: 'bao' }), openid))).toMatchObject({ counted: true });
    }
    expect(await h.store.countable([A, B])).toEqual(
      new Map([
        [A, { readCount: hot.pv + 3, readingMinutes: minutes }],
        [B, { readCount: 0, readingMinutes: expect.any(Number) }],
      ]),
    );
    expect(await h.store.readCounts([A])).toEqual(new Map([[A, hot.pv + 3]]));
    // Today's reconcile (as the timer runs it tomorrow), and one of the old days': the totals add up too.
    expect(await reconcile(h.store, { from: TODAY, to: addDays(TODAY, 1), fix: false })).toEqual({
      entries: 3,
      drift: [],
    });
    expect(
      (await h.store.reconcileSnapshot({ from: addDays(TODAY, -200), to: addDays(TODAY, -199) })).cells,
    ).toHaveLength(CHANNEL_CODES.length);
    // No answer came near the limit: none carried more than a couple of days of the record.
    expect(endpoint.requests.largestAnswer()).toBeLessThan(32 * 1024);
  });
});
