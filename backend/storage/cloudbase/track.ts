import { randomBytes } from 'node:crypto';
import type { Command, Database, DocumentData, WithId } from 'wx-server-sdk';
import {
  DAILY_COUNTERS,
  type DailyCounts,
  type LedgerEntry,
  type LedgerRecord,
  type ReaderArticle,
  ReaderBusyError,
  type ShareRecord,
  type Store,
  type TallyDelta,
  type TallySnapshot,
  TOTAL_OF,
  type TotalCounter,
  type TotalCounts,
  type TrackCommit,
  type TrackRequest,
  type TrackSnapshot,
} from '../port';
import {
  ARTICLE_STATS,
  type CountersDoc,
  DAY_PREFIX,
  READER_PREFIX,
  type ReaderDoc,
  SHARE_PREFIX,
  type ShareDoc,
  zeroCounters,
} from './documents';
import { PAGE_SIZE, readAll } from './paging';

type TrackMethods = Pick<Store, 'applyEvents' | 'tallySnapshot' | 'adjustCounters'>;

const TOTALS = Object.keys(TOTAL_OF) as TotalCounter[];
/** Rounds of snapshot → decide → conditional write before giving up on a reader whose record keeps changing. */
const MAX_ATTEMPTS = 8;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));

interface Loaded {
  snapshot: TrackSnapshot;
  /** `v` of the reader's record, null when there is none. */
  version: number | null;
  /** `u` of the reader's record ('' when there is none). */
  lastDay: string;
}

/** Per article: totals and daily increments, summed. */
interface ArticleIncrements {
  totals: Partial<TotalCounts>;
  daily: Map<string, TallyDelta>;
}

function groupByArticle(daily: TallyDelta[], totals: Array<{ articleId: string; add: Partial<TotalCounts> }>) {
  const byArticle = new Map<string, ArticleIncrements>();
  const of = (id: string) => {
    let group = byArticle.get(id);
    if (group === undefined) {
      group = { totals: {}, daily: new Map() };
      byArticle.set(id, group);
    }
    return group;
  };
  const sum = <K extends string>(into: Partial<Record<K, number>>, add: Partial<Record<K, number>>) => {
    for (const [k, n] of Object.entries(add) as Array<[K, number]>) into[k] = (into[k] ?? 0) + n;
  };
  for (const t of daily) {
    const cellKey = `${t.day}|${t.channel}`;
    const group = of(t.articleId);
    const cell = group.daily.get(cellKey) ?? { ...t, add: {} };
    sum(cell.add, t.add);
    group.daily.set(cellKey, cell);
  }
  for (const t of totals) sum(of(t.articleId).totals, t.add);
  return byArticle;
}

const totalsOfDaily = (add: Partial<DailyCounts>): Partial<TotalCounts> =>
  Object.fromEntries(TOTALS.flatMap((t) => (add[TOTAL_OF[t]] ? [[t, add[TOTAL_OF[t]]]] : [])));

/** The increments as `update` data: `_.inc` on each total and on `d.D<day>.<channel>.<counter>`, one request. */
function incrementData(_: Command, { totals, daily }: ArticleIncrements): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [k, n] of Object.entries(totals)) if (n) data[k] = _.inc(n);
  const days: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const { day, channel, add } of daily.values()) {
    const cells = Object.entries(add).filter(([, n]) => n);
    if (cells.length === 0) continue;
    days[DAY_PREFIX + day] ??= {};
    (days[DAY_PREFIX + day] as Record<string, Record<string, unknown>>)[channel] = Object.fromEntries(
      cells.map(([k, n]) => [k, _.inc(n)]),
    );
  }
  if (Object.keys(days).length > 0) data.d = days;
  return data;
}

/**
 * Reading analytics over the CloudBase database, all in the `article_stats` collection. A call costs one `get` for its
 * snapshot (reader, articles and shares by `_id`), one conditional `update` (or `add` for a new reader) for the
 * ledger and reader state, one `update` per article for its counters, and one `add` per new share. The ledger write
 * is the commit point, counters follow (see ARCHITECTURE.md for why not a transaction), and `reconcile` repairs a
 * counter update that failed after it.
 *
 * A request can succeed with its answer lost. Counters are therefore only ever moved by `_.inc` on a record that
 * exists (created zeroed with its installment), never created holding an increment, so no write is ever repeated with
 * its increment; and every reader write carries a random token `w`, so after a failed reader write one read tells
 * whether it landed (then the call goes on to its counters) or not.
 */
export function createTrackMethods(db: Database): TrackMethods {
  const _ = db.command;
  const track = db.collection<DocumentData>(ARTICLE_STATS);

  const exists = async (id: string) =>
    (await track.where({ _id: id }).field({ _id: true }).limit(1).get()).data.length > 0;

  async function load({ reader, eventIds, articleIds, shareIds }: TrackRequest): Promise<Loaded> {
    const readerId = READER_PREFIX + reader.key;
    const ids = [readerId, ...articleIds, ...shareIds.map((s) => SHARE_PREFIX + s)];
    const projection: Record<string, true> = { t: true, v: true, rate: true, size: true, pv: true };
    for (const k of ['today', 'sh', 'u']) projection[k] = true;
    for (const k of ['article', 'reader', 'eventId', 'at']) projection[k] = true;
    for (const id of articleIds) projection[`a.${id}`] = true;
    for (const id of eventIds) projection[`ev.${id}`] = true;
    const { data } = await track
      .where({ _id: _.in(ids) })
      .field(projection)
      .limit(ids.length)
      .get();
    const byId = new Map(data.map((d) => [String(d._id), d]));

    const doc = byId.get(readerId) as WithId<Partial<ReaderDoc>> | undefined;
    const readCounts = new Map<string, number>();
    for (const id of articleIds) readCounts.set(id, (byId.get(id) as Partial<CountersDoc> | undefined)?.pv ?? 0);
    const shares = new Map<string, ShareRecord>();
    for (const shareId of shareIds) {
      const s = byId.get(SHARE_PREFIX + shareId) as Partial<ShareDoc> | undefined;
      if (s?.article !== undefined && s.reader !== undefined && s.eventId !== undefined) {
        shares.set(shareId, { shareId, articleId: s.article, reader: s.reader, eventId: s.eventId, at: s.at ?? 0 });
      }
    }
    const entries = new Map<string, LedgerEntry>(Object.entries(doc?.ev ?? {}));
    const snapshot: TrackSnapshot = {
      state:
        doc === undefined
          ? null
          : {
              rate: doc.rate ?? { minute: 0, count: 0 },
              ledgerSize: doc.size ?? 0,
              today: doc.today ?? { day: '', count: 0 },
              shared: doc.sh ?? { day: '', keys: [] },
              articles: new Map<string, ReaderArticle>(Object.entries(doc.a ?? {})),
            },
      entries,
      shares,
      readCounts,
    };
    return { snapshot, version: doc === undefined ? null : (doc.v ?? 0), lastDay: doc?.u ?? '' };
  }

  /** After a reader write failed: whether it landed all the same (its token is stored), or the record exists. */
  async function landed(readerId: string, token: string): Promise<{ ours: boolean; exists: boolean }> {
    const { data } = await track.where({ _id: readerId }).field({ w: true }).limit(1).get();
    const doc = data[0] as Partial<ReaderDoc> | undefined;
    return { ours: doc?.w === token, exists: doc !== undefined };
  }

  /** Stores the ledger and reader state; false when the reader's record changed since it was read. */
  async function write(request: TrackRequest, loaded: Loaded, commit: TrackCommit): Promise<boolean> {
    // Shares first: each names its event, so the retry after a later failure sees it as its own.
    for (const s of commit.shares) {
      const data: ShareDoc = { t: 'share', article: s.articleId, reader: s.reader, eventId: s.eventId, at: s.at };
      try {
        await track.add({ data: { _id: SHARE_PREFIX + s.shareId, ...data } });
      } catch (error) {
        if (await exists(SHARE_PREFIX + s.shareId)) return false;
        throw error;
      }
    }
    const readerId = READER_PREFIX + request.reader.key;
    const { state, entries } = commit;
    const a = Object.fromEntries(state.articles);
    const ev = Object.fromEntries(entries.map((e) => [e.eventId, e]));
    const token = randomBytes(9).toString('base64url');
    // The last day with a ledger entry only moves forward: a call that began before midnight may commit after one
    // that began after it, and reconcile finds a reader's recent entries by `u`.
    const u = [loaded.lastDay, ...entries.map((e) => e.day)].sort().at(-1) ?? '';
    const shared = { day: state.shared.day, keys: state.shared.keys };
    if (loaded.version === null) {
      const doc: ReaderDoc = {
        t: 'reader',
        kind: request.reader.kind,
        v: 1,
        w: token,
        rate: state.rate,
        size: state.ledgerSize,
        today: state.today,
        sh: shared,
        u,
        a,
        ev,
      };
      try {
        await track.add({ data: { _id: readerId, ...doc } });
        return true;
      } catch (error) {
        const after = await landed(readerId, token);
        if (after.ours) return true;
        if (after.exists) return false;
        throw error;
      }
    }
    // Nested objects are merged field by field: only these articles' states and these entries are written.
    const data: Record<string, unknown> = {
      v: _.inc(1),
      w: token,
      rate: state.rate,
      size: state.ledgerSize,
      today: state.today,
      // Merged field by field like any object: `sh.day` and the list `sh.keys` are each replaced.
      sh: shared,
    };
    if (u !== '') data.u = u;
    if (state.articles.size > 0) data.a = a;
    if (entries.length > 0) data.ev = ev;
    try {
      const { stats } = await track.where({ _id: readerId, v: loaded.version }).update({ data });
      return stats.updated === 1;
    } catch (error) {
      if ((await landed(readerId, token)).ours) return true;
      throw error;
    }
  }

  /**
   * Adds to an article's counters with `_.inc` only. A counter record that is missing (an article counted before its
   * installment was saved, or a fix for one) is first created zeroed with `add`: a zeroed record is the same however
   * many times it is made, so a lost answer or a concurrent creator is harmless, and the increment itself is only
   * ever sent as an `update`. (`set` of zeros would not do: it would wipe increments another call made meanwhile.)
   */
  async function addToCounters(articleId: string, increments: ArticleIncrements): Promise<void> {
    const update = async () =>
      (await track.doc(articleId).update({ data: incrementData(_, increments) })).stats.updated;
    if ((await update()) === 1) return;
    await track.add({ data: { _id: articleId, ...zeroCounters() } }).catch(() => undefined);
    if ((await update()) === 1) return;
    throw new Error(`counters of ${articleId} could not be created`);
  }

  async function addAll(byArticle: Map<string, ArticleIncrements>) {
    await Promise.all([...byArticle].map(([id, increments]) => addToCounters(id, increments)));
  }

  return {
    async applyEvents(request, decide) {
      for (let attempt = 1; ; attempt += 1) {
        const loaded = await load(request);
        const { result, commit } = decide(loaded.snapshot);
        if (commit === null) return result;
        if (await write(request, loaded, commit)) {
          const totals = commit.tallies.map((t) => ({ articleId: t.articleId, add: totalsOfDaily(t.add) }));
          await addAll(groupByArticle(commit.tallies, totals));
          return result;
        }
        if (attempt >= MAX_ATTEMPTS) throw new ReaderBusyError();
        await pause(attempt);
      }
    },

    async tallySnapshot({ from, to }) {
      const inRange = (day: string) => (from === null || day >= from) && day < to;
      // Counters are read before the ledger, each article record whole, so its totals and days agree.
      const articles = await readAll(track.where({ t: 'article' }).orderBy('_id', 'asc'));
      const daily: TallySnapshot['daily'] = [];
      const totals = new Map<string, TotalCounts>();
      const dailySums = new Map<string, TotalCounts>();
      for (const doc of articles as Array<WithId<Partial<CountersDoc>>>) {
        const articleId = String(doc._id);
        totals.set(articleId, Object.fromEntries(TOTALS.map((t) => [t, doc[t] ?? 0])) as TotalCounts);
        const sums = Object.fromEntries(TOTALS.map((t) => [t, 0])) as TotalCounts;
        for (const [dayKey, channels] of Object.entries(doc.d ?? {})) {
          const day = dayKey.slice(DAY_PREFIX.length);
          for (const [channel, counts] of Object.entries(channels)) {
            for (const t of TOTALS) sums[t] += counts[TOTAL_OF[t]] ?? 0;
            if (!inRange(day)) continue;
            daily.push({
              day,
              articleId,
              channel,
              counts: Object.fromEntries(DAILY_COUNTERS.map((c) => [c, counts[c] ?? 0])) as DailyCounts,
            });
          }
        }
        dailySums.set(articleId, sums);
      }

      const entries: LedgerRecord[] = [];
      for (let after = ''; ; ) {
        const where = { t: 'reader', _id: _.gt(after), ...(from !== null && { u: _.gte(from) }) };
        const { data } = await track
          .where(where)
          .orderBy('_id', 'asc')
          .field({ kind: true, ev: true })
          .limit(PAGE_SIZE)
          .get();
        for (const doc of data as Array<WithId<Partial<ReaderDoc>>>) {
          for (const entry of Object.values(doc.ev ?? {})) {
            if (inRange(entry.day)) entries.push({ kind: doc.kind ?? 'openid', entry });
          }
        }
        const last = data.at(-1);
        if (data.length < PAGE_SIZE || last === undefined) break;
        after = String(last._id);
      }
      return { entries, daily, totals, dailySums };
    },

    async adjustCounters({ daily, totals }) {
      await addAll(groupByArticle(daily, totals));
    },
  };
}
