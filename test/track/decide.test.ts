import { dayOf } from '../../backend/track/day';
import { decideEvents, MAX_LEDGER_PER_READER_DAY, requestFor } from '../../backend/track/decide';
import type { Reader } from '../../backend/track/model';
import type { TrackSnapshot } from '../../backend/track/port';
import type { TrackEvent } from '../../typings/contract';
import { A, attribution, B, T0 } from './support';

const reader: Reader = { key: 'reader-key-0001', kind: 'openid' };
const countable = { readCount: 0, readingMinutes: 2 };
const empty: TrackSnapshot = {
  state: null,
  entries: new Map(),
  shares: new Map(),
  channels: new Set(),
  staff: false,
  articles: new Map([
    [A, countable],
    [B, countable],
  ]),
};
const read = (eventId: string, articleId = A, s: string | null = null): TrackEvent => ({
  type: 'read',
  eventId,
  articleId,
  attribution: attribution({ s }),
});
const decide = (events: TrackEvent[], snapshot = empty, now = T0) =>
  decideEvents({ reader, events, now, sharePrefix: 'sh00' })(snapshot);
const DAY_MS = 24 * 60 * 60 * 1000;

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
    expect(requestFor({ reader, events, now: T0 })).toEqual({
      reader,
      day: dayOf(T0),
      eventIds: ['e0000001', 'e0000002', 'e0000003', 'e0000004'],
      articleIds: [A, B],
      shareIds: ['sh00001', 'sh00002'],
      channelCodes: [],
    });
  });

  test('commits nothing when every event is refused or already known', () => {
    const full = {
      ...empty,
      state: {
        rate: { minute: 0, count: 0 },
        ledgerSize: MAX_LEDGER_PER_READER_DAY,
        today: { day: dayOf(T0), count: MAX_LEDGER_PER_READER_DAY },
        shared: { day: '', keys: [] },
        readDay: '',
        articles: new Map(),
      },
    };
    const refused = decide([read('e0000001')], full);
    expect(refused.commit).toBeNull();
  });

  test('caps a reader’s ledger per China day with a final BAD_REQUEST, and takes their events again the next day', () => {
    const full: TrackSnapshot = {
      ...empty,
      state: {
        rate: { minute: 0, count: 0 },
        ledgerSize: 3 * MAX_LEDGER_PER_READER_DAY,
        today: { day: dayOf(T0), count: MAX_LEDGER_PER_READER_DAY },
        shared: { day: '', keys: [] },
        readDay: '',
        articles: new Map(),
      },
    };
    // BAD_REQUEST, not RATE_LIMITED: the app drops it instead of retrying it for ever.
    expect(decide([read('e0000001')], full).result).toEqual([
      expect.objectContaining({ ok: false, code: 'BAD_REQUEST' }),
    ]);
    const tomorrow = decide([read('e0000001')], full, T0 + DAY_MS);
    expect(tomorrow.result).toEqual([expect.objectContaining({ ok: true, counted: true })]);
    expect(tomorrow.commit?.state.today).toEqual({ day: dayOf(T0 + DAY_MS), count: 1 });
    expect(tomorrow.commit?.state.ledgerSize).toBe(3 * MAX_LEDGER_PER_READER_DAY + 1);
  });

  test('one short of the cap is still taken; the count is of the day’s entries only', () => {
    const almost: TrackSnapshot = {
      ...empty,
      state: {
        rate: { minute: 0, count: 0 },
        ledgerSize: 9999,
        today: { day: dayOf(T0), count: MAX_LEDGER_PER_READER_DAY - 1 },
        shared: { day: '', keys: [] },
        readDay: '',
        articles: new Map(),
      },
    };
    const { result } = decide([read('e0000001'), read('e0000002', B)], almost);
    expect(result.map((r) => r.ok)).toEqual([true, false]);
  });

  test('sees its own earlier events in the same call: a repeated id, a re-opening, a share then a read through it', () => {
    // Through the reader's own share: not share-driven, and not an unknown share either.
    const { result, commit } = decide([
      { type: 'share', eventId: 'e0000001', articleId: A, shareId: 'sh00001', target: 'chat' },
      read('e0000002', A, 'sh00001'),
      read('e0000002', A, 'sh00001'),
      read('e0000003', A),
    ]);
    expect(result.map((r) => (r.ok && r.type === 'read' ? r.counted : r.ok))).toEqual([true, true, true, false]);
    expect(commit?.entries.map((e) => e.eventId)).toEqual(['e0000001', 'e0000002', 'e0000003']);
    expect(commit?.entries[1]).toMatchObject({ share: null, unknownShare: false, counted: true, session: 'e0000002' });
    expect(commit?.entries[2]).toMatchObject({ counted: false, session: 'e0000002' });
    expect(commit?.state.rate.count).toBe(3);
  });
});
