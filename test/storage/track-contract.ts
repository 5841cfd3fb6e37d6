import type { Stores } from '../../backend/core/stores';
import {
  cellDelta,
  DAILY_COUNTERS,
  type LedgerEntry,
  type Reader,
  type ReaderArticle,
  type ReaderState,
  TOTAL_COUNTERS,
} from '../../backend/track/model';
import {
  ReaderBusyError,
  type TrackCommit,
  type TrackRequest,
  type TrackSnapshot,
  type TrackStore,
} from '../../backend/track/port';

const ALL = { from: null, to: '99991231' } as const;
const openid: Reader = { key: 'key-openid-0001', kind: 'openid' };
const anon: Reader = { key: 'key-anon-000001', kind: 'anon' };

const request = (reader: Reader, over: Partial<Omit<TrackRequest, 'reader'>> = {}): TrackRequest => ({
  reader,
  day: '20261127',
  channelCodes: [],
  eventIds: [],
  articleIds: [],
  shareIds: [],
  ...over,
});

const read = (eventId: string, articleId: string, day = '20261127', over: Partial<LedgerEntry> = {}): LedgerEntry =>
  ({
    type: 'read',
    eventId,
    articleId,
    at: 1_000,
    day,
    channel: 'bao',
    counted: true,
    firstEver: true,
    firstToday: true,
    share: null,
    unknownShare: false,
    siteFirstToday: false,
    siteFirstEver: false,
    session: eventId,
    ...over,
  }) as LedgerEntry;

const state = (ledgerSize: number, articles: ReaderState['articles'] = new Map()): ReaderState => ({
  rate: { minute: 100, count: ledgerSize },
  ledgerSize,
  today: { day: '20261127', count: ledgerSize },
  shared: { day: '20261127', keys: ledgerSize > 0 ? [`a1|chat`] : [] },
  readDay: ledgerSize > 0 ? '20261127' : '',
  articles,
});

const commit = (over: Partial<TrackCommit>): TrackCommit => ({
  state: state(0),
  entries: [],
  shares: [],
  deltas: [],
  ...over,
});

/** A delta of one day × article × channel cell, with the totals it moves. */
const cell = (articleId: string, day: string, channel: string, add: Record<string, number>) =>
  cellDelta(articleId, { day, channel, add });

/** Stores `c` for `reader` and returns the snapshot `decide` saw. */
async function store1(store: TrackStore, reader: Reader, c: TrackCommit, req: Partial<TrackRequest> = {}) {
  let seen: TrackSnapshot | undefined;
  await store.applyEvents(request(reader, req), (snapshot) => {
    seen = snapshot;
    return { result: null, commit: c };
  });
  return seen as TrackSnapshot;
}

const snapshotOf = async (store: TrackStore, req: TrackRequest) =>
  store.applyEvents(req, (snapshot) => ({ result: snapshot, commit: null }));

/** The track port's behaviour, the same on every adapter. `open` gives fresh, empty stores each time. */
export function trackStoreContract(open: () => Promise<Stores>): void {
  let stores: Stores;
  let store: TrackStore;
  beforeEach(async () => {
    stores = await open();
    store = stores.track;
  });
  afterEach(() => stores.close());

  describe('setCountable / countable', () => {
    it('counts only the speeches made countable, with their reading times and read counts', async () => {
      expect(await store.countable(['a1'])).toEqual(new Map());
      await store.setCountable(
        [
          { id: 'a1', readingMinutes: 3 },
          { id: 'a2', readingMinutes: 7 },
        ],
        true,
      );
      await store.adjustCounters([cell('a1', '20261127', 'bao', { pv: 2 })]);
      expect(await store.countable(['a1', 'a2', 'a3'])).toEqual(
        new Map([
          ['a1', { readCount: 2, readingMinutes: 3 }],
          ['a2', { readCount: 0, readingMinutes: 7 }],
        ]),
      );
    });

    it('keeps the counts of a speech no longer countable, and of one made countable again', async () => {
      await store.setCountable([{ id: 'a1', readingMinutes: 3 }], true);
      await store.adjustCounters([cell('a1', '20261127', 'bao', { pv: 2 })]);
      await store.setCountable([{ id: 'a1', readingMinutes: 3 }], false);
      expect(await store.countable(['a1'])).toEqual(new Map());
      expect(await store.readCounts(['a1'])).toEqual(new Map([['a1', 2]]));
      await store.setCountable([{ id: 'a1', readingMinutes: 4 }], true);
      expect(await store.countable(['a1'])).toEqual(new Map([['a1', { readCount: 2, readingMinutes: 4 }]]));
    });
  });

  describe('applyEvents', () => {
    it('shows a reader never seen as no state, no entries, no shares and zero counts', async () => {
      await store.setCountable(
        [
          { id: 'a1', readingMinutes: 2 },
          { id: 'a2', readingMinutes: 2 },
        ],
        true,
      );
      const seen = await snapshotOf(
        store,
        request(openid, { eventIds: ['e0000001'], articleIds: ['a1', 'a2'], shareIds: ['sh00001'] }),
      );
      expect(seen).toEqual({
        state: null,
        entries: new Map(),
        shares: new Map(),
        channels: new Set(),
        staff: false,
        articles: new Map([
          ['a1', { readCount: 0, readingMinutes: 2 }],
          ['a2', { readCount: 0, readingMinutes: 2 }],
        ]),
      });
    });

    it('marks a reader as staff, never seen or not, keeps the mark through their writes, and clears it', async () => {
      await store.setCountable([{ id: 'a1', readingMinutes: 2 }], true);
      await store.markStaff(openid.key, true);
      await store.markStaff(openid.key, true);
      const req = request(openid, { articleIds: ['a1'] });
      const marked = await snapshotOf(store, req);
      expect(marked.staff).toBe(true);
      // A record holding only the mark: nothing of a reader's yet.
      expect(marked.state ?? { ledgerSize: 0, readDay: '', articles: new Map() }).toMatchObject({
        ledgerSize: 0,
        readDay: '',
        articles: new Map(),
      });
      expect(marked.state?.staffArticles).toBeUndefined();
      const asStaff = {
        lastOpenAt: 1_000,
        session: 'e0000001',
        sessionChannel: 'bao',
        uvDay: '20261127',
        completed: null,
      };
      await store1(
        store,
        openid,
        commit({
          state: { ...state(1), staffArticles: new Map([['a1', asStaff]]) },
          entries: [read('e0000001', 'a1', '20261127', { staff: true })],
          deltas: [cell('a1', '20261127', 'bao', { staffPv: 1, staffUv: 1 })],
        }),
        req,
      );
      const after = await snapshotOf(store, { ...req, eventIds: ['e0000001'] });
      expect(after.staff).toBe(true);
      expect(after.state?.articles).toEqual(new Map());
      expect(after.state?.staffArticles).toEqual(new Map([['a1', asStaff]]));
      expect(after.entries.get('e0000001')).toMatchObject({ staff: true });
      await store.markStaff(openid.key, false);
      expect((await snapshotOf(store, req)).staff).toBe(false);
      // Clearing the mark of someone never seen leaves nothing behind to count.
      await store.markStaff('key-openid-0002', false);
      expect((await snapshotOf(store, request({ key: 'key-openid-0002', kind: 'openid' }))).staff).toBe(false);
    });

    it('stores a commit and shows back exactly what a later request names', async () => {
      await store.setCountable([{ id: 'a1', readingMinutes: 2 }], true);
      const article = {
        lastOpenAt: 1_000,
        session: 'e0000001',
        sessionChannel: 'bao',
        uvDay: '20261127',
        completed: null,
      };
      const entries = [read('e0000001', 'a1'), read('e0000002', 'a2')];
      const share = { shareId: 'sh00001', articleId: 'a1', reader: openid.key, eventId: 'e0000003', at: 1_000 };
      const result = await store.applyEvents(request(openid, { articleIds: ['a1', 'a2'] }), () => ({
        result: 'decided',
        commit: commit({
          state: state(
            2,
            new Map([
              ['a1', article],
              ['a2', { ...article, session: 'e0000002' }],
            ]),
          ),
          entries,
          shares: [share],
          deltas: [cell('a1', '20261127', 'bao', { pv: 1, uv: 1, newUv: 1 })],
        }),
      }));
      expect(result).toBe('decided');

      const seen = await snapshotOf(
        store,
        request(openid, { eventIds: ['e0000001', 'e0000009'], articleIds: ['a1'], shareIds: ['sh00001', 'sh00002'] }),
      );
      expect(seen.state).toEqual({
        rate: { minute: 100, count: 2 },
        ledgerSize: 2,
        readDay: '20261127',
        today: { day: '20261127', count: 2 },
        shared: { day: '20261127', keys: ['a1|chat'] },
        articles: new Map([['a1', article]]),
      });
      expect(seen.entries).toEqual(new Map([['e0000001', entries[0]]]));
      expect(seen.shares).toEqual(new Map([['sh00001', share]]));
      expect(seen.articles).toEqual(new Map([['a1', { readCount: 1, readingMinutes: 2 }]]));
      expect(await store.readCounts(['a1', 'a2'])).toEqual(
        new Map([
          ['a1', 1],
          ['a2', 0],
        ]),
      );
      // Another reader sees the share but none of this reader's state or ledger.
      const other = await snapshotOf(
        store,
        request(anon, { eventIds: ['e0000001'], articleIds: ['a1'], shareIds: ['sh00001'] }),
      );
      expect(other).toMatchObject({ state: null, entries: new Map(), shares: new Map([['sh00001', share]]) });
    });

    it('merges later commits: changed articles replace theirs, others stay, entries accumulate', async () => {
      const a: ReaderArticle = {
        lastOpenAt: 1,
        session: 's1',
        sessionChannel: 'bao',
        uvDay: '20261127',
        completed: null,
      };
      await store1(
        store,
        openid,
        commit({
          state: state(
            1,
            new Map([
              ['a1', a],
              ['a2', a],
            ]),
          ),
          entries: [read('e0000001', 'a1')],
        }),
      );
      await store1(
        store,
        openid,
        commit({
          state: state(2, new Map([['a1', { ...a, completed: 's1', lastOpenAt: 2 }]])),
          entries: [read('e0000002', 'a1', '20261128')],
        }),
      );
      // Asked on the later entry's day: the earlier one is still within the days an event is looked up in.
      const seen = await snapshotOf(
        store,
        request(openid, { day: '20261128', eventIds: ['e0000001', 'e0000002'], articleIds: ['a1', 'a2'] }),
      );
      expect(seen.state?.ledgerSize).toBe(2);
      expect(seen.state?.articles).toEqual(
        new Map([
          ['a1', { ...a, completed: 's1', lastOpenAt: 2 }],
          ['a2', a],
        ]),
      );
      expect([...seen.entries.keys()].sort()).toEqual(['e0000001', 'e0000002']);
    });

    it('writes nothing when decide returns no commit, or throws', async () => {
      await store.applyEvents(request(openid), () => ({ result: 1, commit: null }));
      await expect(
        store.applyEvents(request(openid), () => {
          throw new Error('decided badly');
        }),
      ).rejects.toThrow('decided badly');
      expect((await snapshotOf(store, request(openid))).state).toBeNull();
      expect(await store.reconcileSnapshot(ALL)).toEqual({
        entries: [],
        cells: [],
        totals: new Map(),
        channelTotals: [],
      });
    });

    it('never loses an update of one reader under concurrent calls: each decide sees the last stored state', async () => {
      const attempt = (i: number) =>
        store
          .applyEvents(request(openid, { articleIds: ['a1'] }), (snapshot) => {
            const size = snapshot.state?.ledgerSize ?? 0;
            return {
              result: size,
              commit: commit({
                state: state(size + 1),
                entries: [read(`e${String(i).padStart(7, '0')}`, 'a1', '20261127', { counted: size === 0 })],
                deltas: [cell('a1', '20261127', 'bao', { pv: size === 0 ? 1 : 0, uv: 1 })],
              }),
            };
          })
          .then(
            () => true,
            (error: unknown) => {
              if (error instanceof ReaderBusyError) return false;
              throw error;
            },
          );
      const stored = (await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(i)))).filter(Boolean).length;
      expect(stored).toBeGreaterThan(0);
      const snapshot = await store.reconcileSnapshot(ALL);
      expect(snapshot.entries).toHaveLength(stored);
      expect(snapshot.entries.filter((e) => e.entry.type === 'read' && e.entry.counted)).toHaveLength(1);
      expect((await snapshotOf(store, request(openid))).state?.ledgerSize).toBe(stored);
      expect(snapshot.totals.get('a1')).toMatchObject({ pv: 1 });
    });
  });

  describe('counters', () => {
    it('adds deltas to the day × article × channel counters and to the article totals they sum to', async () => {
      await store1(
        store,
        anon,
        commit({
          entries: [read('e0000001', 'a1')],
          deltas: [
            cell('a1', '20261127', 'bao', { pv: 1, uv: 1, newUv: 1, newAnonUv: 1 }),
            cell('a1', '20261127', 'bao', { shares: 2, shareReads: 1 }),
            cell('a1', '20261127', 'bao', { anonPv: 3, anonUv: 1, unknownShareReads: 2 }),
            cell('a1', '20261128', 'session', { completions: 1, uv: 1 }),
          ],
        }),
      );
      const snapshot = await store.reconcileSnapshot(ALL);
      expect(snapshot.entries).toEqual([{ kind: 'anon', entry: read('e0000001', 'a1') }]);
      expect(sortRows(snapshot.cells)).toEqual([
        {
          day: '20261127',
          articleId: 'a1',
          channel: 'bao',
          counts: counts({
            pv: 1,
            uv: 1,
            newUv: 1,
            anonPv: 3,
            anonUv: 1,
            newAnonUv: 1,
            shares: 2,
            shareReads: 1,
            unknownShareReads: 2,
          }),
        },
        { day: '20261128', articleId: 'a1', channel: 'session', counts: counts({ completions: 1, uv: 1 }) },
      ]);
      const totals = totalCounts({
        pv: 1,
        uv: 1,
        anonPv: 3,
        anonUv: 1,
        shares: 2,
        shareReads: 1,
        unknownShareReads: 2,
        completions: 1,
      });
      expect(snapshot.totals).toEqual(new Map([['a1', totals]]));
      expect(sortRows(snapshot.channelTotals.map((r) => ({ ...r, day: '' })))).toEqual([
        {
          day: '',
          articleId: 'a1',
          channel: 'bao',
          counts: counts({
            pv: 1,
            uv: 1,
            newUv: 1,
            anonPv: 3,
            anonUv: 1,
            newAnonUv: 1,
            shares: 2,
            shareReads: 1,
            unknownShareReads: 2,
          }),
        },
        { day: '', articleId: 'a1', channel: 'session', counts: counts({ completions: 1, uv: 1 }) },
      ]);
    });

    it('gives the ledger and daily counters of the days asked for, and totals and channel sums over all days', async () => {
      for (const [i, day] of ['20261125', '20261126', '20261127'].entries()) {
        await store1(
          store,
          openid,
          commit({
            state: state(i + 1),
            entries: [read(`e000000${i}`, 'a1', day)],
            deltas: [cell('a1', day, 'bao', { pv: 1 })],
          }),
        );
      }
      const snapshot = await store.reconcileSnapshot({ from: '20261126', to: '20261127' });
      expect(snapshot.entries.map((e) => e.entry.day)).toEqual(['20261126']);
      expect(snapshot.cells.map((r) => r.day)).toEqual(['20261126']);
      expect(snapshot.totals.get('a1')?.pv).toBe(3);
      expect(snapshot.channelTotals).toEqual([{ articleId: 'a1', channel: 'bao', counts: counts({ pv: 3 }) }]);
      const all = await store.reconcileSnapshot({ from: null, to: '20261127' });
      expect(all.entries.map((e) => e.entry.day).sort()).toEqual(['20261125', '20261126']);
    });

    it('adjusts by adding, negative amounts too, and creates counters that do not exist', async () => {
      await store.adjustCounters([
        cell('new', '20261127', 'unknown', { pv: 2 }),
        { articleId: 'new', cell: null, totals: { completions: -1 } },
      ]);
      await store.adjustCounters([
        { articleId: 'new', cell: { day: '20261127', channel: 'unknown', add: { pv: -1 } }, totals: {} },
      ]);
      const snapshot = await store.reconcileSnapshot(ALL);
      expect(snapshot.cells).toEqual([
        { day: '20261127', articleId: 'new', channel: 'unknown', counts: counts({ pv: 1 }) },
      ]);
      expect(snapshot.totals.get('new')).toEqual(totalCounts({ pv: 2, completions: -1 }));
      expect(await store.readCounts(['new'])).toEqual(new Map([['new', 2]]));
    });
  });
}

const counts = (over: Record<string, number>) => ({
  ...Object.fromEntries(DAILY_COUNTERS.map((c) => [c, 0])),
  ...over,
});

const totalCounts = (over: Record<string, number>) => ({
  ...Object.fromEntries(TOTAL_COUNTERS.map((c) => [c, 0])),
  ...over,
});

const sortRows = <T extends { day: string; channel: string }>(rows: T[]) =>
  [...rows].sort((a, b) => `${a.day}${a.channel}`.localeCompare(`${b.day}${b.channel}`));
