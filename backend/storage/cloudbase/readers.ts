import { randomBytes } from 'node:crypto';
import type { Database, DocumentData, WithId } from 'wx-server-sdk';
import { RESEND_WITHIN_DAYS } from '../../../typings/contract';
import { addDays } from '../../track/day';
import type { DayKey, LedgerEntry, ReaderArticle, ShareRecord } from '../../track/model';
import type { CountableArticle, TrackCommit, TrackRequest, TrackSnapshot } from '../../track/port';
import {
  ARTICLE_STATS,
  CHANNEL_PREFIX,
  type CountersDoc,
  type DayEntries,
  dayField,
  dayOfField,
  emptyReaderDoc,
  ledgerId,
  type ReaderDoc,
  readerId,
  SHARE_PREFIX,
  type ShareDoc,
} from './documents';
import { fromEntryDoc, toEntryDoc } from './entries';

export interface Loaded {
  snapshot: TrackSnapshot;
  /** `v` of the reader's record, null when there is none. */
  version: number | null;
  /** The oldest day the record still holds ('' none), and its entries per day. */
  held: { oldest: DayKey; counts: Record<string, number> };
}

/** The days an event may have been recorded on before and still be recognised: the call's and RESEND_WITHIN_DAYS more. */
const lookupDays = (day: DayKey): DayKey[] =>
  Array.from({ length: RESEND_WITHIN_DAYS + 1 }, (_, i) => addDays(day, -i));

const earliest = (days: DayKey[]): DayKey => days.reduce((a, b) => (a === '' || (b !== '' && b < a) ? b : a), '');

export interface ReaderMethods {
  load(request: TrackRequest): Promise<Loaded>;
  /** Stores the ledger and reader state; false when the reader's record changed since it was read. */
  write(request: TrackRequest, loaded: Loaded, commit: TrackCommit): Promise<boolean>;
  markStaff(key: string, staff: boolean): Promise<void>;
}

/**
 * A reader's record and the snapshot of one call. One `get` loads it all (`_id` in the reader, the reader's ledger
 * records of the lookup days, the articles and the shares), projected to what the call's events name, so the
 * answer stays small however much the reader has done; one conditional write stores it.
 */
export function createReaderMethods(db: Database): ReaderMethods {
  const _ = db.command;
  const stats = db.collection<DocumentData>(ARTICLE_STATS);

  const exists = async (id: string) =>
    (await stats.where({ _id: id }).field({ _id: true }).limit(1).get()).data.length > 0;

  /** After a reader write failed: whether it landed all the same (its token is stored), or the record exists. */
  async function landed(id: string, token: string): Promise<{ ours: boolean; exists: boolean }> {
    const { data } = await stats.where({ _id: id }).field({ w: true }).limit(1).get();
    const doc = data[0] as Partial<ReaderDoc> | undefined;
    return { ours: doc?.w === token, exists: doc !== undefined };
  }

  return {
    async load({ reader, day, eventIds, articleIds, shareIds, channelCodes }) {
      const rid = readerId(reader.key);
      const days = lookupDays(day);
      const ids = [
        rid,
        ...days.slice(1).map((d) => ledgerId(d, reader.key)),
        ...articleIds,
        ...shareIds.map((s) => SHARE_PREFIX + s),
        ...channelCodes.map((c) => CHANNEL_PREFIX + c),
      ];
      const projection: Record<string, true> = {
        t: true,
        v: true,
        rate: true,
        size: true,
        today: true,
        sh: true,
        rd: true,
        st: true,
      };
      for (const k of ['o', 'n', 'pv', 'on', 'm', 'article', 'reader', 'eventId', 'at']) projection[k] = true;
      for (const id of articleIds) {
        projection[`a.${id}`] = true;
        projection[`sa.${id}`] = true;
      }
      for (const d of days) for (const id of eventIds) projection[`ev.${dayField(d)}.${id}`] = true;
      const { data } = await stats
        .where({ _id: _.in(ids) })
        .field(projection)
        .limit(ids.length)
        .get();
      const byId = new Map(data.map((d) => [String(d._id), d]));

      const entries = new Map<string, LedgerEntry>();
      for (const doc of data as Array<WithId<{ ev?: Record<string, DayEntries> }>>) {
        for (const [field, dayEntries] of Object.entries(doc.ev ?? {})) {
          for (const [id, e] of Object.entries(dayEntries)) entries.set(id, fromEntryDoc(id, dayOfField(field), e));
        }
      }
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
      const doc = byId.get(rid) as WithId<Partial<ReaderDoc>> | undefined;
      const staffArticles = Object.entries(doc?.sa ?? {});
      const snapshot: TrackSnapshot = {
        state:
          doc === undefined
            ? null
            : {
                rate: doc.rate ?? { minute: 0, count: 0 },
                ledgerSize: doc.size ?? 0,
                today: doc.today ?? { day: '', count: 0 },
                shared: doc.sh ?? { day: '', keys: [] },
                readDay: doc.rd ?? '',
                articles: new Map<string, ReaderArticle>(Object.entries(doc.a ?? {})),
                ...(staffArticles.length > 0 && { staffArticles: new Map(staffArticles) }),
              },
        entries,
        shares,
        articles,
        channels: new Set(channelCodes.filter((c) => byId.get(CHANNEL_PREFIX + c)?.t === 'channel')),
        staff: doc?.st === true,
      };
      return {
        snapshot,
        version: doc === undefined ? null : (doc.v ?? 0),
        held: { oldest: doc?.o ?? '', counts: doc?.n ?? {} },
      };
    },

    async write(request, loaded, commit) {
      // Shares first: each names its event, so the retry after a later failure sees it as its own.
      for (const s of commit.shares) {
        const data: ShareDoc = { t: 'share', article: s.articleId, reader: s.reader, eventId: s.eventId, at: s.at };
        try {
          await stats.add({ data: { _id: SHARE_PREFIX + s.shareId, ...data } });
        } catch (error) {
          if (await exists(SHARE_PREFIX + s.shareId)) return false;
          throw error;
        }
      }
      const rid = readerId(request.reader.key);
      const { state, entries } = commit;
      const ev: Record<string, DayEntries> = {};
      const n: Record<string, number> = {};
      for (const e of entries) {
        const field = dayField(e.day);
        const day = ev[field] ?? {};
        day[e.eventId] = toEntryDoc(e);
        ev[field] = day;
        n[field] = (n[field] ?? loaded.held.counts[field] ?? 0) + 1;
      }
      const o = earliest([loaded.held.oldest, ...entries.map((e) => e.day)]);
      const token = randomBytes(9).toString('base64url');
      const a = Object.fromEntries(state.articles);
      const sa = state.staffArticles === undefined ? null : Object.fromEntries(state.staffArticles);
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
          rd: state.readDay,
          o,
          a,
          ...(sa !== null && { sa }),
          ev,
          n,
        };
        try {
          await stats.add({ data: { _id: rid, ...doc } });
          return true;
        } catch (error) {
          const after = await landed(rid, token);
          if (after.ours) return true;
          if (after.exists) return false;
          throw error;
        }
      }
      // Nested objects are merged field by field: only these articles' states, days and entries are written, and
      // `sh.day` and the list `sh.keys` are each replaced.
      const data: Record<string, unknown> = {
        v: _.inc(1),
        w: token,
        rate: state.rate,
        size: state.ledgerSize,
        today: state.today,
        sh: shared,
        rd: state.readDay,
        o,
      };
      if (state.articles.size > 0) data.a = a;
      if (sa !== null) data.sa = sa;
      if (entries.length > 0) {
        data.ev = ev;
        data.n = n;
      }
      try {
        const { stats: result } = await stats.where({ _id: rid, v: loaded.version }).update({ data });
        return result.updated === 1;
      } catch (error) {
        if ((await landed(rid, token)).ours) return true;
        throw error;
      }
    },

    async markStaff(key, staff) {
      const rid = readerId(key);
      // `v` moves, so a call that decided on the old mark decides again.
      const mark = () => stats.where({ _id: rid }).update({ data: { st: staff, v: _.inc(1) } });
      for (let attempt = 1; ; attempt += 1) {
        if ((await mark()).stats.updated === 1 || !staff) return;
        // Never read: a record holding only the mark, which their first write then updates like any other.
        try {
          await stats.add({
            data: { _id: rid, ...emptyReaderDoc('openid', randomBytes(9).toString('base64url')), st: true },
          });
          return;
        } catch (error) {
          // Made meanwhile (by their first read, or by this add whose answer was lost): mark that one.
          if (!(await exists(rid)) || attempt >= 3) throw error;
        }
      }
    },
  };
}
