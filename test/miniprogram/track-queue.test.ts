import { ReadingSession } from '../../miniprogram/stores/reading';
import { MAX_QUEUED, TrackQueue } from '../../miniprogram/stores/track-queue';
import type { Envelope, EventResult, TrackEvent } from '../../typings/contract';
import { wxStub } from './support/runtime';

type Batch = { events: TrackEvent[]; anonId: string };
type Answer = (batch: Batch) => Envelope<{ results: EventResult[] }>;

const read = (n: number): TrackEvent => ({
  type: 'read',
  eventId: `event-${String(n).padStart(4, '0')}`,
  articleId: '825czk',
  attribution: { scene: 1007, chatType: 1, apiCategory: 'default', ch: null, s: null },
});
const allOk: Answer = ({ events }) => ({
  ok: true,
  data: { results: events.map((e) => ({ eventId: e.eventId, ok: true })) },
});
const offline: Answer = () => ({ ok: false, code: 'INTERNAL', message: '网络不太好，请检查网络后重试' });

function harness(answer: { current: Answer }, clock = { ms: Date.parse('2026-11-27T08:00:00Z') }) {
  const sent: Batch[] = [];
  const timers: Array<{ fn: () => void; ms: number; cancelled: boolean }> = [];
  const queue = new TrackQueue({
    call: (async (_fn: string, _action: string, input: Batch) => {
      sent.push(input);
      return answer.current(input);
    }) as never,
    anonId: () => 'anon000000000001',
    now: () => clock.ms,
    schedule: (fn, ms) => {
      const timer = { fn, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
  });
  /** Runs the next scheduled send and lets it finish. */
  const runNext = async () => {
    while (timers[0]?.cancelled) timers.shift();
    const timer = timers.shift();
    if (!timer) throw new Error('nothing scheduled');
    timer.fn();
    await new Promise((r) => setTimeout(r, 0));
    return timer.ms;
  };
  return { queue, sent, timers, runNext };
}

beforeEach(() => wxStub.reset());

describe('the tracking queue', () => {
  test('drops what could not be delivered for longer than the server recognises an event sent again', async () => {
    const answer = { current: offline };
    const clock = { ms: Date.parse('2026-11-27T08:00:00Z') };
    const first = harness(answer, clock);
    first.queue.enqueue(read(1));
    clock.ms += 2 * 24 * 60 * 60 * 1000;
    first.queue.enqueue(read(2));
    expect(first.queue.pending().map((e) => e.eventId)).toEqual(['event-0001', 'event-0002']);
    // Three days after the first (and after a restart): sending it now could count it twice.
    clock.ms += 24 * 60 * 60 * 1000;
    const second = harness(answer, clock);
    expect(second.queue.pending().map((e) => e.eventId)).toEqual(['event-0002']);
    answer.current = allOk;
    second.queue.wake();
    await second.runNext();
    expect(second.sent.flatMap((b) => b.events.map((e) => e.eventId))).toEqual(['event-0002']);
  });

  test('events made offline survive a restart and are delivered once when the network returns', async () => {
    const answer = { current: offline };
    const first = harness(answer);
    first.queue.enqueue(read(1));
    first.queue.enqueue(read(2));
    await first.runNext();
    expect(first.queue.pending()).toHaveLength(2);

    // The app is closed and opened again: a new queue over the same storage.
    answer.current = allOk;
    const second = harness(answer);
    expect(second.queue.pending().map((e) => e.eventId)).toEqual(['event-0001', 'event-0002']);
    second.queue.wake();
    await second.runNext();
    expect(second.sent).toHaveLength(1);
    expect(second.sent[0]?.events.map((e) => e.eventId)).toEqual(['event-0001', 'event-0002']);
    expect(second.queue.pending()).toEqual([]);
    second.queue.wake();
    await second.runNext();
    expect(second.sent).toHaveLength(1);
  });

  test('coming back online sends at once, not after the backoff it was waiting out', async () => {
    const answer = { current: offline };
    const { queue, sent, timers, runNext } = harness(answer);
    queue.enqueue(read(1));
    await runNext();
    await runNext();
    expect(timers.filter((t) => !t.cancelled).map((t) => t.ms)).toEqual([4000]);
    answer.current = allOk;
    queue.wake();
    expect(await runNext()).toBe(0);
    expect(sent).toHaveLength(3);
    expect(queue.pending()).toEqual([]);
  });

  test('sends at most 20 events a call', async () => {
    const { queue, sent, runNext } = harness({ current: allOk });
    for (let i = 0; i < 45; i++) queue.enqueue(read(i));
    await runNext();
    expect(sent.map((b) => b.events.length)).toEqual([20, 20, 5]);
    expect(queue.pending()).toEqual([]);
  });

  test('backs off exponentially while the server cannot be reached, and keeps everything', async () => {
    const answer = { current: offline };
    const { queue, runNext } = harness(answer);
    queue.enqueue(read(1));
    const delays = [await runNext()];
    for (let i = 0; i < 9; i++) delays.push(await runNext());
    expect(delays).toEqual([0, 2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000]);
    expect(queue.pending()).toHaveLength(1);
  });

  test('keeps what the server did not take yet, drops what it will never take', async () => {
    const { queue, runNext } = harness({
      current: ({ events }) => ({
        ok: true,
        data: {
          results: events.map((e, i) => ({
            eventId: e.eventId,
            ok: i === 0,
            code: [undefined, 'RATE_LIMITED', 'BAD_REQUEST', 'UNAVAILABLE', 'NOT_FOUND'][i],
          })) as EventResult[],
        },
      }),
    });
    for (let i = 1; i <= 5; i++) queue.enqueue(read(i));
    await runNext();
    expect(queue.pending().map((e) => e.eventId)).toEqual(['event-0002', 'event-0004']);
  });

  test('a batch answered UNAVAILABLE (the database was busy) is kept and sent again after a backoff', async () => {
    const answer: { current: Answer } = {
      current: () => ({ ok: false, code: 'UNAVAILABLE', message: '服务正忙，请稍后再试' }),
    };
    const { queue, sent, runNext } = harness(answer);
    queue.enqueue(read(1));
    await runNext();
    expect(queue.pending()).toHaveLength(1);
    answer.current = allOk;
    expect(await runNext()).toBe(2000);
    expect(sent).toHaveLength(2);
    expect(queue.pending()).toEqual([]);
  });

  test('an event queued twice is sent once', async () => {
    const { queue, sent, runNext } = harness({ current: allOk });
    queue.enqueue(read(7));
    queue.enqueue(read(7));
    await runNext();
    expect(sent[0]?.events).toHaveLength(1);
  });

  test('never grows without bound', () => {
    const { queue } = harness({ current: offline });
    for (let i = 0; i < MAX_QUEUED + 30; i++) queue.enqueue(read(i));
    const pending = queue.pending();
    expect(pending).toHaveLength(MAX_QUEUED);
    expect(pending[0]?.eventId).toBe('event-0030');
  });

  const progress = (n: number, readEventId: string, depth: number): TrackEvent => ({
    type: 'progress',
    eventId: `progress-${String(n).padStart(4, '0')}`,
    articleId: '825czk',
    readEventId,
    depth,
    dwellMs: n * 1000,
  });

  test('a read queued after its progress goes ahead of it: the server needs the read first', () => {
    const { queue } = harness({ current: offline });
    queue.enqueue(progress(1, 'event-0001', 0.3));
    queue.enqueue(read(1));
    expect(queue.pending().map((e) => e.eventId)).toEqual(['event-0001', 'progress-0001']);
  });

  test('a newer progress of the same read replaces the older one', () => {
    const { queue } = harness({ current: offline });
    queue.enqueue(read(1));
    for (let i = 1; i <= 5; i++) queue.enqueue(progress(i, 'event-0001', i / 10));
    expect(queue.pending().map((e) => e.eventId)).toEqual(['event-0001', 'progress-0005']);
  });

  test('when full, progress is dropped before reads', () => {
    const { queue } = harness({ current: offline });
    for (let i = 0; i < MAX_QUEUED; i++) queue.enqueue(i % 2 ? read(i) : progress(i, `other-${i}`, 0.5));
    queue.enqueue(read(9999));
    const pending = queue.pending();
    expect(pending).toHaveLength(MAX_QUEUED);
    expect(pending.filter((e) => e.type === 'read')).toHaveLength(MAX_QUEUED / 2 + 1);
  });

  test('a share goes out at once, even while a backoff is pending', async () => {
    const answer = { current: offline };
    const { queue, timers, runNext } = harness(answer);
    queue.enqueue(progress(1, 'event-0001', 0.2));
    await runNext();
    await runNext();
    answer.current = allOk;
    queue.enqueue(
      { type: 'share', eventId: 'share-event-01', articleId: '825czk', shareId: 'abcd1234', target: 'chat' },
      { urgent: true },
    );
    expect(timers.filter((t) => !t.cancelled).map((t) => t.ms)).toEqual([0]);
    await runNext();
    expect(queue.pending()).toEqual([]);
  });
});

describe('a reading session', () => {
  test('reports depth and the time the page was in front, not the time it was hidden', () => {
    let now = 0;
    const events: TrackEvent[] = [];
    const session = new ReadingSession(
      '825czk',
      'read-000001',
      (e) => events.push(e),
      () => now,
    );
    now = 10_000;
    session.scrolled(0.4);
    session.tick();
    session.pause();
    now = 500_000;
    session.resume();
    now = 520_000;
    session.scrolled(0.95);
    session.pause();
    expect(events.map((e) => (e.type === 'progress' ? [e.depth, e.dwellMs, e.readEventId] : null))).toEqual([
      [0.4, 10_000, 'read-000001'],
      [0.95, 30_000, 'read-000001'],
    ]);
  });
});
