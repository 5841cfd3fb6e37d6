import type { TrackEvent } from '../../../typings/contract';
import { SHARE_ID } from '../../core/ids';
import { mayBeCustom } from '../channels';
import { dayOf } from '../day';
import type { LedgerEntry, Reader } from '../model';
import type { TrackDecision, TrackRequest, TrackSnapshot } from '../port';
import { WorkingLedger } from './ledger';
import { type EventOutcome, MESSAGES, reject } from './outcome';
import { decideProgress } from './progress';
import { decideRead } from './read';
import { decideShare } from './share';

export { MAX_LEDGER_PER_READER_DAY } from './ledger';
export { type EventOutcome, MESSAGES, type RejectCode } from './outcome';

export interface DecideOptions {
  reader: Reader;
  /** Validated events. */
  events: TrackEvent[];
  now: number;
  /** The start of the reader's own share ids (sharePrefixOf in core/reader-key.ts). */
  sharePrefix: string;
  /**
   * The reader is known to be staff without a lookup (an administrator ADMIN_OPENIDS names); otherwise the
   * snapshot says (TrackSnapshot.staff).
   */
  staff?: boolean;
}

/** What `applyEvents` must load for these events. */
export const requestFor = ({ reader, events, now }: Omit<DecideOptions, 'sharePrefix' | 'staff'>): TrackRequest => ({
  reader,
  day: dayOf(now),
  eventIds: [...new Set(events.flatMap((e) => (e.type === 'progress' ? [e.eventId, e.readEventId] : [e.eventId])))],
  articleIds: [...new Set(events.map((e) => e.articleId))],
  shareIds: [...new Set(events.flatMap((e) => shareIdsOf(e)))],
  channelCodes: [
    ...new Set(events.flatMap((e) => (e.type === 'read' && mayBeCustom(e.attribution.ch) ? [e.attribution.ch] : []))),
  ],
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
 * nothing; an event of a speech that cannot be counted is NOT_FOUND; past the day's cap an event is refused for
 * good, and the 121st of a minute for now; then each kind has its rule (read.ts, progress.ts, share.ts).
 * Pure: the store may run it more than once.
 */
export function decideEvents({ reader, events, now, sharePrefix, staff = false }: DecideOptions) {
  return (snapshot: TrackSnapshot): TrackDecision<EventOutcome[]> => {
    const ledger = new WorkingLedger(reader, now, dayOf(now), snapshot, sharePrefix, staff);
    const decideOne = (event: TrackEvent): EventOutcome => {
      const known = ledger.known(event.eventId);
      if (known) return repeated(event, known, ledger);
      const article = ledger.countable(event.articleId);
      if (article === undefined) return reject(event.eventId, 'NOT_FOUND', MESSAGES.noArticle);
      if (ledger.capReached) return reject(event.eventId, 'BAD_REQUEST', MESSAGES.dailyCap);
      const rate = ledger.nextRate();
      if (rate === null) return reject(event.eventId, 'RATE_LIMITED', MESSAGES.rateLimited);
      const outcome =
        event.type === 'read'
          ? decideRead(ledger, event)
          : event.type === 'progress'
            ? decideProgress(ledger, event, article.readingMinutes)
            : decideShare(ledger, event);
      if (outcome.ok) ledger.accept(rate);
      return outcome;
    };
    const result = events.map(decideOne);
    return { result, commit: ledger.commit() };
  };
}

/** An event whose id is already in the ledger: it changes nothing, and answers as it did the first time. */
function repeated(event: TrackEvent, known: LedgerEntry, ledger: WorkingLedger): EventOutcome {
  const same = known.articleId === event.articleId;
  if (event.type === 'read' && known.type === 'read' && same) {
    return {
      eventId: event.eventId,
      ok: true,
      type: 'read',
      counted: known.counted && ledger.named && known.staff !== true,
      readCount: ledger.readCount(event.articleId),
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
