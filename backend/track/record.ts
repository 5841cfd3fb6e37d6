import type { EventResult, ReadEvent, TrackEvent } from '../../typings/contract';
import type { HandlerContext } from '../core/context';
import { UNAVAILABLE_MESSAGE } from '../core/envelope';
import { sharePrefixOf } from '../core/reader-key';
import { StoreUnavailableError } from '../core/stores';
import { isCrawler } from './channels';
import { decideEvents, type EventOutcome, MESSAGES, type RejectCode, requestFor } from './decide';
import { ReaderBusyError } from './port';

const NO_READER = '无法识别读者：没有 openid 时请附上 anonId';

const failAll = (events: TrackEvent[], code: RejectCode, message: string): EventOutcome[] =>
  events.map((e) => ({ eventId: e.eventId, ok: false, code, message }));

/** The answer for events a store refused with nothing stored, so that the app sends them again; null otherwise. */
function sendAgainLater(error: unknown) {
  if (error instanceof ReaderBusyError) return { code: 'RATE_LIMITED', message: MESSAGES.rateLimited } as const;
  if (error instanceof StoreUnavailableError) return { code: 'UNAVAILABLE', message: UNAVAILABLE_MESSAGE } as const;
  return null;
}

/** Crawler openings are answered with the read count and never stored; a speech that cannot be counted is NOT_FOUND. */
async function answerCrawler(ctx: HandlerContext, events: ReadEvent[]): Promise<EventOutcome[]> {
  const articles = await ctx.stores.track.countable(events.map((e) => e.articleId));
  return events.map((e): EventOutcome => {
    const article = articles.get(e.articleId);
    if (article === undefined) return { eventId: e.eventId, ok: false, code: 'NOT_FOUND', message: MESSAGES.noArticle };
    return { eventId: e.eventId, ok: true, type: 'read', counted: false, readCount: article.readCount };
  });
}

/**
 * Records one call's events for the calling reader and answers each, in order. Crawler openings are answered
 * without being stored; the rest go to the store as one unit.
 */
export async function recordEvents(
  ctx: HandlerContext,
  events: TrackEvent[],
  anonId: string | undefined,
): Promise<EventOutcome[]> {
  const crawled: Array<[number, ReadEvent]> = [];
  const pending: Array<[number, TrackEvent]> = [];
  events.forEach((event, i) => {
    if (event.type === 'read' && isCrawler(event.attribution)) crawled.push([i, event]);
    else pending.push([i, event]);
  });
  const outcomes = new Map<number, EventOutcome>();
  const answer = (indexed: Array<[number, unknown]>, decided: EventOutcome[]) => {
    for (const [k, [i]] of indexed.entries()) outcomes.set(i, decided[k] as EventOutcome);
  };

  if (crawled.length > 0)
    answer(
      crawled,
      await answerCrawler(
        ctx,
        crawled.map(([, e]) => e),
      ),
    );
  if (pending.length > 0) {
    const list = pending.map(([, e]) => e);
    const reader = ctx.readerKey(ctx.identity, anonId);
    if (reader === null) {
      answer(pending, failAll(list, 'BAD_REQUEST', NO_READER));
    } else {
      const options = {
        reader,
        events: list,
        now: ctx.now().getTime(),
        sharePrefix: sharePrefixOf(reader.key),
        // Administrators ADMIN_OPENIDS names are known without a lookup; other staff are marked on the reader's
        // record, which the snapshot reads anyway (TrackStore.markStaff).
        staff: reader.kind === 'openid' && ctx.adminKeys().includes(reader.key),
      };
      try {
        answer(pending, await ctx.stores.track.applyEvents(requestFor(options), decideEvents(options)));
      } catch (error) {
        const later = sendAgainLater(error);
        if (later === null) throw error;
        answer(pending, failAll(list, later.code, later.message));
      }
    }
  }
  return events.map((_, i) => outcomes.get(i) as EventOutcome);
}

export const toResult = (outcome: EventOutcome): EventResult =>
  outcome.ok
    ? { eventId: outcome.eventId, ok: true, ...(outcome.type === 'read' && { counted: outcome.counted }) }
    : { eventId: outcome.eventId, ok: false, code: outcome.code };

/**
 * How long `article.get` waits for its read to be recorded before serving the text without it. Well under the
 * `content` function's timeout (config.json), so a stalled database request never costs the reader the speech.
 */
export const RECORDING_DEADLINE_MS = 2500;

class RecordingTimeout extends Error {}

/**
 * The opening that `article.get` records on its way. Counting never stands between a reader and the text: when
 * recording fails or takes too long, the article is still served and `read` tells the app to send the event
 * again through `track` (with the same eventId, so a recording that lands late is not counted twice).
 */
export async function recordOpening(
  ctx: HandlerContext,
  event: ReadEvent,
  anonId: string | undefined,
  deadlineMs = RECORDING_DEADLINE_MS,
): Promise<{ result: EventResult; readCount: number | null }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const recording = recordEvents(ctx, [event], anonId);
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new RecordingTimeout()), deadlineMs);
  });
  try {
    const [outcome] = await Promise.race([recording, late]);
    if (outcome === undefined) throw new Error('no outcome for the read');
    return { result: toResult(outcome), readCount: outcome.ok && outcome.type === 'read' ? outcome.readCount : null };
  } catch (error) {
    const unavailable = error instanceof StoreUnavailableError;
    if (error instanceof RecordingTimeout) {
      console.error(`recording a read with article.get took over ${deadlineMs} ms: served without it`);
      recording.catch((late: unknown) => console.error('the late recording failed', late));
    } else if (!unavailable) {
      console.error('recording a read with article.get failed', error);
    }
    return {
      result: { eventId: event.eventId, ok: false, code: unavailable ? 'UNAVAILABLE' : 'INTERNAL' },
      readCount: null,
    };
  } finally {
    clearTimeout(timer);
  }
}
