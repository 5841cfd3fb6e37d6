import { randomBytes } from 'node:crypto';
import type { Command, Database, DocumentData, WithId } from 'wx-server-sdk';
import {
  type ArticleDelta,
  addCounts,
  byArticle,
  DAILY_COUNTERS,
  type DailyCounts,
  fullCounts,
  type LedgerEntry,
  type LedgerRecord,
  laterDay,
  type ReaderArticle,
  type ShareRecord,
  TOTAL_COUNTERS,
  type TotalCounts,
} from '../../track/model';
import {
  type ChannelTotal,
  type CountableArticle,
  ReaderBusyError,
  type ReconcileSnapshot,
  type TrackCommit,
  type TrackRequest,
  type TrackSnapshot,
  type TrackStore,
} from '../../track/port';
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
import { chunk, PAGE_SIZE, readAll } from './paging';

/** Rounds of snapshot → decide → conditional write before giving up on a reader whose record keeps changing. */
const MAX_ATTEMPTS = 8;
/** Counter writes in flight at once when speeches are made countable. */
const WRITE_BATCH = 10;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));

interface Loaded {
  snapshot: TrackSnapshot;
  /** `v` of the reader's record, null when there is none. */
  version: number | null;
  /** `u` of the reader's record ('' when there is none). */
  lastDay: string;
}

/** An article's deltas as `update` data: `_.inc` on each total and on `d.D<day>.<channel>.<counter>`, one request. */
function incrementData(_: Command, { totals, cells }: ArticleDelta): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [k, n] of Object.entries(totals)) if (n) data[k] = _.inc(n);
  const days: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const { day, channel, add } of cells) {
    const counts = Object.entries(add).filter(([, n]) => n);
    if (counts.length === 0) continue;
    days[DAY_PREFIX + day] ??= {};
    (days[DAY_PREFIX + day] as Record<string, Record<string, unknown>>)[channel] = Object.fromEntries(
      counts.map(([k, n]) => [k, _.inc(n)]),
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
export function createTrackStore(db: Database): TrackStore {
  const _ = db.command;
  const track = db.collection<DocumentData>(ARTICLE_STATS);

  const exists = async (id: string) =>
    (await track.where({ _id: id }).field({ _id: true }).limit(1).get()).data.length > 0;

  async function load({ reader, eventIds, articleIds, shareIds }: TrackRequest): Promise<Loaded> {
    const readerId = READER_PREFIX + reader.key;
    const ids = [readerId, ...articleIds, ...shareIds.map((s) => SHARE_PREFIX + s)];
    const projection: Record<string, true> = { t: true, v: true, rate: true, size: true, pv: true, on: true, m: true };
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
    const articles = new Map<string, CountableArticle>();
    for (const id of articleIds) {
      const counters = byId.get(id) as Partial<CountersDoc> | undefined;
      if (counters?.on === true) articles.set(id, { readCount: counters.pv ?? 0, readingMinutes: counters.m ?? 1 });
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
              today: doc.today ?? { day: '', count: 0 },
              shared: doc.sh ?? { day: '', keys: [] },
              articles: new Map<string, ReaderArticle>(Object.entries(doc.a ?? {})),
            },
      entries,
      shares,
      articles,
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
    const u = entries.reduce((day, e) => laterDay(day, e.day), loaded.lastDay);
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
  async function addToCounters(delta: ArticleDelta): Promise<void> {
    const { articleId } = delta;
    const update = async () => (await track.doc(articleId).update({ data: incrementData(_, delta) })).stats.updated;
    if ((await update()) === 1) return;
    await track.add({ data: { _id: articleId, ...zeroCounters() } }).catch(() => undefined);
    if ((await update()) === 1) return;
    throw new Error(`counters of ${articleId} could not be created`);
  }

  async function addAll(deltas: ArticleDelta[]) {
    await Promise.all(deltas.map(addToCounters));
  }

  async function readCounters(ids: string[], fields: Record<string, true>) {
    const pages = await Promise.all(
      chunk(ids, PAGE_SIZE).map((page) =>
        track
          .where({ _id: _.in(page) })
          .field(fields)
          .limit(PAGE_SIZE)
          .get(),
      ),
    );
    return pages.flatMap(({ data }) => data as Array<WithId<Partial<CountersDoc>>>);
  }

  return {
    async setCountable(list, on) {
      const ids = list.map((a) => a.id);
      const have = new Set((await readCounters(ids, { _id: true })).map((d) => String(d._id)));
      // Existing records get the flag and reading time in one request per distinct reading time; the increments
      // they hold are not touched. Missing ones are created zeroed (a duplicate add, made meanwhile or by our own
      // add whose answer was lost, is what we wanted).
      const byMinutes = new Map<number, string[]>();
      for (const a of list)
        if (have.has(a.id)) byMinutes.set(a.readingMinutes, [...(byMinutes.get(a.readingMinutes) ?? []), a.id]);
      for (const [m, group] of byMinutes) {
        for (const page of chunk(group, PAGE_SIZE)) await track.where({ _id: _.in(page) }).update({ data: { on, m } });
      }
      const missing = list.filter((a) => !have.has(a.id));
      for (const batch of chunk(missing, WRITE_BATCH)) {
        await Promise.all(
          batch.map((a) =>
            track.add({ data: { _id: a.id, ...zeroCounters(on, a.readingMinutes) } }).catch(async (error: unknown) => {
              if (!(await exists(a.id))) throw error;
              await track.doc(a.id).update({ data: { on, m: a.readingMinutes } });
            }),
          ),
        );
      }
    },

    async countable(ids) {
      const docs = await readCounters([...new Set(ids)], { pv: true, on: true, m: true });
      return new Map(
        docs
          .filter((d) => d.on === true)
          .map((d) => [String(d._id), { readCount: d.pv ?? 0, readingMinutes: d.m ?? 1 }]),
      );
    },

    async readCounts(ids) {
      const counts = new Map(ids.map((id) => [id, 0]));
      for (const d of await readCounters([...counts.keys()], { pv: true })) counts.set(String(d._id), d.pv ?? 0);
      return counts;
    },

    async applyEvents(request, decide) {
      for (let attempt = 1; ; attempt += 1) {
        const loaded = await load(request);
        const { result, commit } = decide(loaded.snapshot);
        if (commit === null) return result;
        if (await write(request, loaded, commit)) {
          await addAll(byArticle(commit.deltas));
          return result;
        }
        if (attempt >= MAX_ATTEMPTS) throw new ReaderBusyError();
        await pause(attempt);
      }
    },

    async reconcileSnapshot({ from, to }): Promise<ReconcileSnapshot> {
      const inRange = (day: string) => (from === null || day >= from) && day < to;
      // Counters are read before the ledger, each article record whole, so its totals and days agree.
      const articles = await readAll(track.where({ t: 'article' }).orderBy('_id', 'asc'));
      const cells: ReconcileSnapshot['cells'] = [];
      const totals = new Map<string, TotalCounts>();
      const channelTotals: ChannelTotal[] = [];
      for (const doc of articles as Array<WithId<Partial<CountersDoc>>>) {
        const articleId = String(doc._id);
        totals.set(articleId, fullCounts(TOTAL_COUNTERS, doc));
        const channels = new Map<string, Partial<DailyCounts>>();
        for (const [dayKey, byChannel] of Object.entries(doc.d ?? {})) {
          const day = dayKey.slice(DAY_PREFIX.length);
          for (const [channel, counts] of Object.entries(byChannel)) {
            const sum = channels.get(channel) ?? {};
            addCounts(sum, counts);
            channels.set(channel, sum);
            if (inRange(day)) cells.push({ day, articleId, channel, counts: fullCounts(DAILY_COUNTERS, counts) });
          }
        }
        for (const [channel, counts] of channels) {
          channelTotals.push({ articleId, channel, counts: fullCounts(DAILY_COUNTERS, counts) });
        }
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
      return { entries, cells, totals, channelTotals };
    },

    async adjustCounters(deltas) {
      await addAll(byArticle(deltas));
    },
  };
}
