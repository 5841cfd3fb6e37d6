import type { EventResult, ReadEvent, TrackEvent } from '../../typings/contract';
import type { HandlerContext } from '../core/context';
import { UNAVAILABLE_MESSAGE } from '../core/envelope';
import { ReaderBusyError, StoreUnavailableError } from '../storage/port';
import { trackedArticles } from './articles';
import { isCrawler } from './channels';
import { decideEvents, type EventOutcome, MESSAGES, requestFor } from './decide';

const NO_ARTICLE = '没有找到这篇文章';
const NO_READER = '无法识别读者：没有 openid 时请附上 anonId';

/** The answer for events a store refused with nothing stored, so that the app sends them again; null otherwise. */
function sendAgainLater(error: unknown) {
  if (error instanceof ReaderBusyError) return { code: 'RATE_LIMITED', message: MESSAGES.rateLimited } as const;
  if (error instanceof StoreUnavailableError) return { code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE } as const;
  return null;
}

/**
 * Records one call's events for the calling reader and answers each. Events of unknown articles are NOT_FOUND
 * and crawler openings are answered without being stored; the rest go to the store as one unit.
 */
export async function recordEvents(
  ctx: HandlerContext,
  events: TrackEvent[],
  anonId: string | undefined,
): Promise<EventOutcome[]> {
  const articles = trackedArticles();
  const outcomes = new Map<number, EventOutcome>();
  const pending: Array<[number, TrackEvent]> = [];
  const crawled: Array<[number, ReadEvent]> = [];
  events.forEach((event, i) => {
    if (!articles.has(event.articleId)) {
      outcomes.set(i, { eventId: event.eventId, ok: false, code: 'NOT_FOUND', message: NO_ARTICLE });
    } else if (event.type === 'read' && isCrawler(event.attribution)) {
      crawled.push([i, event]);
    } else {
      pending.push([i, event]);
    }
  });

  if (crawled.length > 0) {
    const counts = await ctx.store.readCounts(crawled.map(([, e]) => e.articleId));
    for (const [i, e] of crawled) {
      outcomes.set(i, {
        eventId: e.eventId,
        ok: true,
        type: 'read',
        counted: false,
        readCount: counts.get(e.articleId) ?? 0,
      });
    }
  }

  if (pending.length > 0) {
    const reader = ctx.readerKey(ctx.identity, anonId);
    const list = pending.map(([, e]) => e);
    let decided: EventOutcome[];
    if (reader === null) {
      decided = list.map((e) => ({ eventId: e.eventId, ok: false, code: 'BAD_REQUEST', message: NO_READER }));
    } else {
      const decide = decideEvents({
        reader,
        events: list,
        now: ctx.now().getTime(),
        readingMinutes: (id) => articles.get(id) ?? 1,
      });
      try {
        decided = await ctx.store.applyEvents(requestFor({ reader, events: list }), decide);
      } catch (error) {
        const later = sendAgainLater(error);
        if (later === null) throw error;
        decided = list.map((e) => ({ eventId: e.eventId, ok: false, ...later }));
      }
    }
    for (const [k, [i]] of pending.entries()) outcomes.set(i, decided[k] as EventOutcome);
  }

  return events.map((_, i) => outcomes.get(i) as EventOutcome);
}

export const toResult = (outcome: EventOutcome): EventResult =>
  outcome.ok
    ? { eventId: outcome.eventId, ok: true, ...(outcome.type === 'read' && { counted: outcome.counted }) }
    : { eventId: outcome.eventId, ok: false, code: outcome.code };

/**
 * The opening that `article.get` records on its way. Counting never stands between a reader and the text: when
 * recording fails, the article is still served and `read` tells the app to send the event again through `track`.
 */
export async function recordOpening(
  ctx: HandlerContext,
  event: ReadEvent,
  anonId: string | undefined,
): Promise<{ result: EventResult; readCount: number | null }> {
  try {
    const [outcome] = await recordEvents(ctx, [event], anonId);
    if (outcome === undefined) throw new Error('no outcome for the read');
    return { result: toResult(outcome), readCount: outcome.ok && outcome.type === 'read' ? outcome.readCount : null };
  } catch (error) {
    const unavailable = error instanceof StoreUnavailableError;
    if (!unavailable) console.error('recording a read with article.get failed', error);
    return {
      result: { eventId: event.eventId, ok: false, code: unavailable ? 'UNAVAILABLE' : 'INTERNAL' },
      readCount: null,
    };
  }
}
