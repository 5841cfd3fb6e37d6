import type { Command, Database, DocumentData, WithId } from 'wx-server-sdk';
import {
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
  /** Articles whose counter record exists. */
  counted: Set<string>;
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

/** A new counter record holding the increments as plain values. */
function freshCounters({ totals, daily }: ArticleIncrements): CountersDoc {
  const d: CountersDoc['d'] = {};
  for (const { day, channel, add } of daily.values()) {
    d[DAY_PREFIX + day] ??= {};
    (d[DAY_PREFIX + day] as Record<string, Partial<DailyCounts>>)[channel] = { ...add };
  }
  const zero = Object.fromEntries(TOTALS.map((t) => [t, 0])) as TotalCounts;
  return { t: 'article', ...zero, ...totals, d };
}

/**
 * Reading analytics over the CloudBase database, all in the `article_stats` collection. A call costs one `get` for its
 * snapshot (reader, articles and shares by `_id`), one conditional `update` (or `add` for a new reader) for the
 * ledger and reader state, one `update` per article for its counters, and one `add` per new share. There are no
 * multi-record transactions: the ledger write is the commit point, counters follow, and `reconcile` repairs a
 * counter update that failed after it.
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
    const counted = new Set<string>();
    for (const id of articleIds) {
      const counters = byId.get(id) as Partial<CountersDoc> | undefined;
      if (counters !== undefined) counted.add(id);
      readCounts.set(id, counters?.pv ?? 0);
    }
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
              articles: new Map<string, ReaderArticle>(Object.entries(doc.a ?? {})),
            },
      entries,
      shares,
      readCounts,
    };
    return { snapshot, version: doc === undefined ? null : (doc.v ?? 0), counted };
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
    const u =
      entries
        .map((e) => e.day)
        .sort()
        .at(-1) ?? '';
    if (loaded.version === null) {
      const doc: ReaderDoc = {
        t: 'reader',
        kind: request.reader.kind,
        v: 1,
        rate: state.rate,
        size: state.ledgerSize,
        u,
        a,
        ev,
      };
      try {
        await track.add({ data: { _id: readerId, ...doc } });
        return true;
      } catch (error) {
        if (await exists(readerId)) return false;
        throw error;
      }
    }
    // Nested objects are merged field by field: only these articles' states and these entries are written.
    const data: Record<string, unknown> = { v: _.inc(1), rate: state.rate, size: state.ledgerSize };
    if (u !== '') data.u = u;
    if (state.articles.size > 0) data.a = a;
    if (entries.length > 0) data.ev = ev;
    const { stats } = await track.where({ _id: readerId, v: loaded.version }).update({ data });
    return stats.updated === 1;
  }

  async function addToCounters(articleId: string, increments: ArticleIncrements, known: boolean): Promise<void> {
    const update = async () =>
      (await track.doc(articleId).update({ data: incrementData(_, increments) })).stats.updated;
    if (known && (await update()) === 1) return;
    try {
      await track.add({ data: { _id: articleId, ...freshCounters(increments) } });
    } catch (error) {
      // Someone else created it meanwhile.
      if ((await update()) === 1) return;
      throw error;
    }
  }

  async function addAll(byArticle: Map<string, ArticleIncrements>, known: (id: string) => boolean) {
    await Promise.all([...byArticle].map(([id, increments]) => addToCounters(id, increments, known(id))));
  }

  return {
    async applyEvents(request, decide) {
      for (let attempt = 1; ; attempt += 1) {
        const loaded = await load(request);
        const { result, commit } = decide(loaded.snapshot);
        if (commit === null) return result;
        if (await write(request, loaded, commit)) {
          const totals = commit.tallies.map((t) => ({ articleId: t.articleId, add: totalsOfDaily(t.add) }));
          await addAll(groupByArticle(commit.tallies, totals), (id) => loaded.counted.has(id));
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
              counts: {
                pv: counts.pv ?? 0,
                uv: counts.uv ?? 0,
                newUv: counts.newUv ?? 0,
                newAnonUv: counts.newAnonUv ?? 0,
                shares: counts.shares ?? 0,
                shareReads: counts.shareReads ?? 0,
                completions: counts.completions ?? 0,
              },
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
      await addAll(groupByArticle(daily, totals), () => true);
    },
  };
}
