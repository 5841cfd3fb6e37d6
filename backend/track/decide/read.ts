import type { ReadEvent } from '../../../typings/contract';
import { SHARE_ID } from '../../core/ids';
import { channelOf } from '../channels';
import { laterDay, type ShareRecord } from '../model';
import { opensWindow } from '../window';
import type { WorkingLedger } from './ledger';
import type { EventOutcome } from './outcome';

/**
 * An opening counts unless the reader opened the same speech within 30 minutes (an anonymous reader's never moves
 * the read count); it is share-driven when `s` names a recorded share of this speech by another reader. Staff open
 * speeches in windows of their own (`staffArticles`), counted apart and in no site-wide reader: the reader's own
 * state stays as it was, for when they are readers again.
 */
export function decideRead(ledger: WorkingLedger, event: ReadEvent): EventOutcome {
  const { now, day, staff } = ledger;
  const before = ledger.article(event.articleId, staff);
  // The session this opening falls in, while its window is open; otherwise it counts and starts one.
  const ongoing = before !== undefined && !opensWindow(before.lastOpenAt, now) ? before : null;
  const counted = ongoing === null;
  const channel = channelOf(event.attribution, ledger.channels);
  const linked = recordedShare(ledger, event.attribution.s, event.articleId);
  // Reading through one's own share is not a read the share brought.
  const share = linked !== null && linked.reader !== ledger.reader.key ? linked.shareId : null;
  const session = ongoing?.session ?? event.eventId;
  const site = staff ? { today: false, ever: false } : ledger.siteRead();
  ledger.record({
    eventId: event.eventId,
    articleId: event.articleId,
    at: now,
    day,
    type: 'read',
    channel,
    counted,
    firstEver: before === undefined,
    // A later call may already have counted the reader on a later day (see laterDay).
    firstToday: before === undefined || before.uvDay < day,
    share,
    unknownShare: event.attribution.s !== null && linked === null,
    siteFirstToday: site.today,
    siteFirstEver: site.ever,
    session,
    ...(staff && { staff: true as const }),
  });
  ledger.setArticle(
    event.articleId,
    {
      lastOpenAt: Math.max(before?.lastOpenAt ?? now, now),
      session,
      sessionChannel: ongoing?.sessionChannel ?? channel,
      uvDay: laterDay(before?.uvDay ?? day, day),
      completed: ongoing?.completed ?? null,
      ...((before?.viaShare === true || share !== null) && { viaShare: true }),
    },
    staff,
  );
  const moved = counted && ledger.named && !staff;
  const readCount = moved ? ledger.countRead(event.articleId) : ledger.readCount(event.articleId);
  return { eventId: event.eventId, ok: true, type: 'read', counted: moved, readCount };
}

/** The recorded share of this speech that `s` names, if it names one. */
function recordedShare(ledger: WorkingLedger, s: string | null, articleId: string): ShareRecord | null {
  if (s === null || !SHARE_ID.test(s)) return null;
  const share = ledger.share(s);
  return share?.articleId === articleId ? share : null;
}
