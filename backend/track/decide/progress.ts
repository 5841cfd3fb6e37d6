import type { ProgressEvent } from '../../../typings/contract';
import { isCompletion } from '../completion';
import type { WorkingLedger } from './ledger';
import { type EventOutcome, MESSAGES, reject } from './outcome';

/**
 * A reading completes once per counted opening, and only in the reader's current session of that speech. A staff
 * opening's completion is kept in the staff state only (so it completes once) and counts nowhere: no entry.
 */
export function decideProgress(ledger: WorkingLedger, event: ProgressEvent, readingMinutes: number): EventOutcome {
  const read = ledger.known(event.readEventId);
  if (read?.type !== 'read' || read.articleId !== event.articleId) {
    return reject(event.eventId, 'NOT_FOUND', MESSAGES.noReading);
  }
  const asStaff = read.staff === true;
  const state = ledger.article(event.articleId, asStaff);
  // A late progress of an older session counts nothing.
  const current = state !== undefined && state.session === read.session;
  const done = current && state.completed === read.session;
  const completes = current && !done && isCompletion(event.depth, event.dwellMs, readingMinutes);
  if (completes && !asStaff) {
    ledger.record({
      eventId: event.eventId,
      articleId: event.articleId,
      at: ledger.now,
      day: ledger.day,
      type: 'completion',
      channel: state.sessionChannel,
      readEventId: event.readEventId,
      session: read.session,
    });
  }
  if (completes) ledger.setArticle(event.articleId, { ...state, completed: read.session }, asStaff);
  return { eventId: event.eventId, ok: true, type: 'progress', completed: done || completes };
}
