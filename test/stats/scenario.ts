import { A, B, type Harness, MINUTE, newId, readInput, sid } from '../track/support';

export const DAY = 24 * 60 * MINUTE;

/**
 * Two days of reading, worked out by hand in the tests (T0 is 16:00 China time on 2026-11-27):
 * day 1 — o-1 opens A from the paper (bao), re-opens it 5 minutes later, opens B from a chat; o-2 scans A's code;
 * o-1 shares A to a chat; o-3 opens A through that share, shares it on and reads it to the end; an anonymous
 * 朋友圈 reader opens A. Day 2 — o-1 opens A again from a chat; o-4 opens B from TV (tai).
 */
export async function twoDaysOfReading(h: Harness): Promise<void> {
  await h.track('read', readInput(A, { ch: 'bao' }), 'o-1');
  h.clock.advance(5 * MINUTE);
  await h.track('read', readInput(A, { ch: 'bao' }), 'o-1');
  await h.track('read', readInput(B, { scene: 1007 }), 'o-1');
  await h.track('read', readInput(A, { scene: 1047 }), 'o-2');
  await h.track('share', { eventId: newId('s'), articleId: A, shareId: sid('o-1', 'Sta1'), target: 'chat' }, 'o-1');
  const through = readInput(A, { ch: 'chat', s: sid('o-1', 'Sta1'), scene: 1007 });
  await h.track('read', through, 'o-3');
  await h.track('share', { eventId: newId('s'), articleId: A, shareId: sid('o-3', 'Sta2'), target: 'chat' }, 'o-3');
  h.clock.advance(2 * MINUTE);
  await h.track(
    'progress',
    {
      eventId: newId('p'),
      articleId: A,
      readEventId: through.eventId,
      depth: 1,
      dwellMs: 2 * MINUTE,
    },
    'o-3',
  );
  await h.track(
    'read',
    { ...readInput(A, { scene: 1154, apiCategory: 'browseOnly' }), anonId: 'install-stat-01' },
    null,
  );
  h.clock.advance(DAY);
  await h.track('read', readInput(A, { scene: 1007 }), 'o-1');
  await h.track('read', readInput(B, { ch: 'tai' }), 'o-4');
}
