import { SHARE_TARGET_CHANNEL, type ShareEvent } from '../../../typings/contract';
import type { WorkingLedger } from './ledger';
import { type EventOutcome, MESSAGES, reject } from './outcome';

/**
 * A share id is its reader's: it starts with their share prefix (derived from their key, so no one else can make
 * one), and is recorded once. One share per reader × speech × target × day is counted; the rest are kept (their
 * links still attribute reads) but add nothing to `shares`.
 */
export function decideShare(ledger: WorkingLedger, event: ShareEvent): EventOutcome {
  if (!event.shareId.startsWith(ledger.sharePrefix))
    return reject(event.eventId, 'BAD_REQUEST', MESSAGES.shareNotYours);
  const taken = ledger.share(event.shareId);
  // A share record with this very event on it was left by an earlier attempt that failed later on.
  const ours = taken !== undefined && taken.eventId === event.eventId && taken.reader === ledger.reader.key;
  if (taken !== undefined && !ours) return reject(event.eventId, 'BAD_REQUEST', MESSAGES.shareTaken);
  ledger.record({
    eventId: event.eventId,
    articleId: event.articleId,
    at: ledger.now,
    day: ledger.day,
    type: 'share',
    channel: SHARE_TARGET_CHANNEL[event.target],
    shareId: event.shareId,
    target: event.target,
    counted: ledger.claimShare(event.articleId, event.target),
    // As staff, what brought them is their staff state: a share that brought them as a reader is not theirs to reshare.
    reshare: ledger.article(event.articleId, ledger.staff)?.viaShare === true,
  });
  if (!ours) {
    ledger.addShare({
      shareId: event.shareId,
      articleId: event.articleId,
      reader: ledger.reader.key,
      eventId: event.eventId,
      at: ledger.now,
    });
  }
  return { eventId: event.eventId, ok: true, type: 'share', recorded: true };
}
