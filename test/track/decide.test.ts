import type { Reader, TrackSnapshot } from '../../backend/storage/port';
import { decideEvents, MAX_LEDGER_PER_READER, requestFor } from '../../backend/track/decide';
import type { TrackEvent } from '../../typings/contract';
import { A, attribution, B, T0 } from './support';

const reader: Reader = { key: 'reader-key-0001', kind: 'openid' };
const empty: TrackSnapshot = { state: null, entries: new Map(), shares: new Map(), readCounts: new Map() };
const read = (eventId: string, articleId = A, s: string | null = null): TrackEvent => ({
  type: 'read',
  eventId,
  articleId,
  attribution: attribution({ s }),
});
const decide = (events: TrackEvent[], snapshot = empty) =>
  decideEvents({ reader, events, now: T0, readingMinutes: () => 2 })(snapshot);

describe('decideEvents', () => {
  test('is pure: the same snapshot gives the same decision, and the snapshot is left as it was', () => {
    const before = structuredClone(empty);
    expect(decide([read('e0000001')])).toEqual(decide([read('e0000001')]));
    expect(empty).toEqual(before);
  });

  test('asks the store for the events’ own ids, the reads progress refers to, the articles and the named shares', () => {
    const events: TrackEvent[] = [
      read('e0000001', A, 'sh00001'),
      read('e0000002', B, '<bad>'),
      { type: 'progress', eventId: 'e0000003', articleId: A, readEventId: 'e0000001', depth: 1, dwellMs: 1 },
      { type: 'share', eventId: 'e0000004', articleId: B, shareId: 'sh00002', target: 'chat' },
    ];
    expect(requestFor({ reader, events })).toEqual({
      reader,
      eventIds: ['e0000001', 'e0000002', 'e0000003', 'e0000004'],
      articleIds: [A, B],
      shareIds: ['sh00001', 'sh00002'],
    });
  });

  test('commits nothing when every event is refused or already known', () => {
    const full = {
      ...empty,
      state: { rate: { minute: 0, count: 0 }, ledgerSize: MAX_LEDGER_PER_READER, articles: new Map() },
    };
    const refused = decide([read('e0000001')], full);
    expect(refused.result).toEqual([expect.objectContaining({ ok: false, code: 'RATE_LIMITED' })]);
    expect(refused.commit).toBeNull();
  });

  test('sees its own earlier events in the same call: a repeated id, a re-opening, a share then a read through it', () => {
    const { result, commit } = decide([
      { type: 'share', eventId: 'e0000001', articleId: A, shareId: 'sh00001', target: 'chat' },
      read('e0000002', A, 'sh00001'),
      read('e0000002', A, 'sh00001'),
      read('e0000003', A),
    ]);
    expect(result.map((r) => (r.ok && r.type === 'read' ? r.counted : r.ok))).toEqual([true, true, true, false]);
    expect(commit?.entries.map((e) => e.eventId)).toEqual(['e0000001', 'e0000002', 'e0000003']);
    expect(commit?.entries[1]).toMatchObject({ share: 'sh00001', counted: true, session: 'e0000002' });
    expect(commit?.entries[2]).toMatchObject({ counted: false, session: 'e0000002' });
    expect(commit?.state.rate.count).toBe(3);
  });
});
