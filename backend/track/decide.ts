import type { Attribution, TrackEvent } from '../../typings/contract';
import type {
  LedgerEntry,
  Reader,
  ReaderArticle,
  ShareRecord,
  TallyDelta,
  TrackCommit,
  TrackDecision,
  TrackSnapshot,
} from '../storage/port';
import { channelOf, SHARE_TARGET_CHANNEL } from './channels';
import { isCompletion } from './completion';
import { dayOf } from './day';
import { incrementsOf } from './increments';
import { type Rate, takeRate } from './rate';
import { SHARE_ID } from './schemas';
import { opensWindow } from './window';

/**
 * A reader's ledger is kept with their record; past this many entries in one China-time day their events are
 * refused as BAD_REQUEST (final: the app drops them instead of retrying) until the next day.
 */
export const MAX_LEDGER_PER_READER_DAY = 5000;

/** UNAVAILABLE is never decided here: record.ts answers it when the store was busy. */
export type RejectCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'RATE_LIMITED' | 'UNAVAILABLE';

export type EventOutcome =
  | { eventId: string; ok: true; type: 'read'; counted: boolean; readCount: number }
  | { eventId: string; ok: true; type: 'progress'; completed: boolean }
  | { eventId: string; ok: true; type: 'share'; recorded: true }
  | { eventId: string; ok: false; code: RejectCode; message: string };

export const MESSAGES = {
  rateLimited: '操作太频繁，请稍后再试',
  noReading: '没有找到这次阅读',
  idReused: '事件编号已用于另一事件',
  shareTaken: '分享编号已被使用',
  dailyCap: '今天的操作已达上限，请明天再试',
} as const;

const reject = (eventId: string, code: RejectCode, message: string): EventOutcome => ({
  eventId,
  ok: false,
  code,
  message,
});

export interface DecideOptions {
  reader: Reader;
  /** Validated events whose articles exist. */
  events: TrackEvent[];
  now: number;
  readingMinutes: (articleId: string) => number;
}

/** What `applyEvents` must load for these events. */
export const requestFor = ({ reader, events }: Pick<DecideOptions, 'reader' | 'events'>) => ({
  reader,
  eventIds: [...new Set(events.flatMap((e) => (e.type === 'progress' ? [e.eventId, e.readEventId] : [e.eventId])))],
  articleIds: [...new Set(events.map((e) => e.articleId))],
  shareIds: [...new Set(events.flatMap((e) => shareIdsOf(e)))],
});

function shareIdsOf(event: TrackEvent): string[] {
  if (event.type === 'share') return [event.shareId];
  if (event.type === 'read' && event.attribution.s !== null && SHARE_ID.test(event.attribution.s)) {
    return [event.attribution.s];
  }
  return [];
}

/**
 * The counting rules for one call's events, in order, over the reader's snapshot: a known eventId changes
 * nothing; past the day's cap an event is refused for good, and the 121st of a minute for now; an opening counts
 * unless the reader opened the same speech within 30 minutes (an anonymous reader's never moves the read count);
 * a reading completes once per counted opening; a share counts once per speech × target × day. Pure: the store may
 * run it more than once.
 */
export function decideEvents({ reader, events, now, readingMinutes }: DecideOptions) {
  return (snapshot: TrackSnapshot): TrackDecision<EventOutcome[]> => {
    const day = dayOf(now);
    const entries = new Map(snapshot.entries);
    const shares = new Map(snapshot.shares);
    const counts = new Map(snapshot.readCounts);
    const articles = new Map(snapshot.state?.articles ?? []);
    const changed = new Set<string>();
    let rate: Rate | undefined = snapshot.state?.rate;
    let ledgerSize = snapshot.state?.ledgerSize ?? 0;
    const stored = snapshot.state;
    // A call decided with an older clock than the stored state (it began before midnight, committed after) keeps
    // the later day: these only ever move forward.
    const today = stored !== null && stored.today.day >= day ? { ...stored.today } : { day, count: 0 };
    const sharedDay = stored !== null && stored.shared.day > day ? stored.shared.day : day;
    const shared = new Set(stored !== null && stored.shared.day === sharedDay ? stored.shared.keys : []);
    const isNamed = reader.kind === 'openid';
    let accepted = false;
    const newEntries: LedgerEntry[] = [];
    const newShares: ShareRecord[] = [];
    const tallies: TallyDelta[] = [];

    const record = (entry: LedgerEntry) => {
      entries.set(entry.eventId, entry);
      newEntries.push(entry);
      tallies.push(incrementsOf(entry, reader.kind));
      ledgerSize += 1;
      if (entry.day === today.day) today.count += 1;
    };
    const setArticle = (articleId: string, state: ReaderArticle) => {
      articles.set(articleId, state);
      changed.add(articleId);
    };

    const decideOne = (event: TrackEvent): EventOutcome => {
      const known = entries.get(event.eventId);
      if (known) return repeated(event, known, counts, isNamed);
      if (today.day === day && today.count >= MAX_LEDGER_PER_READER_DAY) {
        return reject(event.eventId, 'BAD_REQUEST', MESSAGES.dailyCap);
      }
      const next = takeRate(rate, now);
      if (next === null) return reject(event.eventId, 'RATE_LIMITED', MESSAGES.rateLimited);
      const base = { eventId: event.eventId, articleId: event.articleId, at: now, day };
      let outcome: EventOutcome;
      switch (event.type) {
        case 'read': {
          const before = articles.get(event.articleId);
          // The session this opening falls in, while its window is open; otherwise it counts and starts one.
          const ongoing = before !== undefined && !opensWindow(before.lastOpenAt, now) ? before : null;
          const counted = ongoing === null;
          const channel = channelOf(event.attribution);
          const linked = recordedShare(event.attribution, event.articleId, shares);
          // Reading through one's own share is not a read the share brought.
          const share = linked !== null && linked.reader !== reader.key ? linked.shareId : null;
          const session = ongoing?.session ?? event.eventId;
          record({
            ...base,
            type: 'read',
            channel,
            counted,
            firstEver: before === undefined,
            // uvDay after this call's day: a later call already counted the reader on a later day (see above).
            firstToday: before === undefined || before.uvDay < day,
            share,
            unknownShare: event.attribution.s !== null && linked === null,
            session,
          });
          setArticle(event.articleId, {
            lastOpenAt: Math.max(before?.lastOpenAt ?? now, now),
            session,
            sessionChannel: ongoing?.sessionChannel ?? channel,
            uvDay: before !== undefined && before.uvDay > day ? before.uvDay : day,
            completed: ongoing?.completed ?? null,
          });
          const moved = counted && isNamed;
          const readCount = (counts.get(event.articleId) ?? 0) + (moved ? 1 : 0);
          counts.set(event.articleId, readCount);
          outcome = { eventId: event.eventId, ok: true, type: 'read', counted: moved, readCount };
          break;
        }
        case 'progress': {
          const read = entries.get(event.readEventId);
          if (read?.type !== 'read' || read.articleId !== event.articleId) {
            return reject(event.eventId, 'NOT_FOUND', MESSAGES.noReading);
          }
          const state = articles.get(event.articleId);
          // Completion belongs to the current session only: a late progress of an older one counts nothing.
          const current = state !== undefined && state.session === read.session;
          const done = current && state.completed === read.session;
          const completes =
            current && !done && isCompletion(event.depth, event.dwellMs, readingMinutes(event.articleId));
          if (completes) {
            record({
              ...base,
              type: 'completion',
              channel: state.sessionChannel,
              readEventId: event.readEventId,
              session: read.session,
            });
            setArticle(event.articleId, { ...state, completed: read.session });
          }
          outcome = { eventId: event.eventId, ok: true, type: 'progress', completed: done || completes };
          break;
        }
        case 'share': {
          const taken = shares.get(event.shareId);
          // A share record with this very event on it was left by an earlier attempt that failed later on.
          const ours = taken !== undefined && taken.eventId === event.eventId && taken.reader === reader.key;
          if (taken !== undefined && !ours) return reject(event.eventId, 'BAD_REQUEST', MESSAGES.shareTaken);
          // One share per reader × speech × target × day is counted; the rest are kept (their links still
          // attribute reads) but add nothing to `shares`.
          const key = `${event.articleId}|${event.target}`;
          const countedShare = day === sharedDay && !shared.has(key);
          if (countedShare) shared.add(key);
          record({
            ...base,
            type: 'share',
            channel: SHARE_TARGET_CHANNEL[event.target],
            shareId: event.shareId,
            target: event.target,
            counted: countedShare,
          });
          if (!ours) {
            const share = {
              shareId: event.shareId,
              articleId: event.articleId,
              reader: reader.key,
              eventId: event.eventId,
              at: now,
            };
            shares.set(event.shareId, share);
            newShares.push(share);
          }
          outcome = { eventId: event.eventId, ok: true, type: 'share', recorded: true };
          break;
        }
      }
      rate = next;
      accepted = true;
      return outcome;
    };

    const result = events.map(decideOne);
    const commit: TrackCommit | null =
      accepted && rate !== undefined
        ? {
            state: {
              rate,
              ledgerSize,
              today,
              shared: { day: sharedDay, keys: [...shared] },
              articles: new Map([...changed].map((id) => [id, articles.get(id) as ReaderArticle])),
            },
            entries: newEntries,
            shares: newShares,
            tallies: tallies.filter((t) => Object.keys(t.add).length > 0),
          }
        : null;
    return { result, commit };
  };
}

/** The recorded share of this speech that `s` names, if it names one. */
function recordedShare({ s }: Attribution, articleId: string, shares: Map<string, ShareRecord>): ShareRecord | null {
  if (s === null || !SHARE_ID.test(s)) return null;
  const share = shares.get(s);
  return share?.articleId === articleId ? share : null;
}

/** An event whose id is already in the ledger: it changes nothing, and answers as it did the first time. */
function repeated(event: TrackEvent, known: LedgerEntry, counts: Map<string, number>, named: boolean): EventOutcome {
  const same = known.articleId === event.articleId;
  if (event.type === 'read' && known.type === 'read' && same) {
    return {
      eventId: event.eventId,
      ok: true,
      type: 'read',
      counted: known.counted && named,
      readCount: counts.get(event.articleId) ?? 0,
    };
  }
  if (event.type === 'progress' && known.type === 'completion' && same) {
    return { eventId: event.eventId, ok: true, type: 'progress', completed: true };
  }
  if (event.type === 'share' && known.type === 'share' && same) {
    return { eventId: event.eventId, ok: true, type: 'share', recorded: true };
  }
  return reject(event.eventId, 'BAD_REQUEST', MESSAGES.idReused);
}
