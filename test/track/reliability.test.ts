import type { EventResult } from '../../typings/contract';
import { A, data, describeOnEachAdapter, MINUTE, newId, readInput, totals } from './support';

type ReadOut = { counted: boolean; readCount: number };

describeOnEachAdapter('counting exactly under load', (h) => {
  test('200 concurrent reads by one reader of one speech count 1 PV and 1 UV', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, () => h.track<ReadOut>('read', readInput(A))));
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
    // Each call is either recorded or told to come back later; none fails.
    for (const a of answers) expect(a.ok || a.code === 'RATE_LIMITED').toBe(true);
    expect(answers.filter((a) => a.ok && a.data.counted)).toHaveLength(1);
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(120);
  });

  test('200 concurrent reads by 200 readers count exactly 200 PV and 200 UV', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => h.track<ReadOut>('read', readInput(A), `o-reader-${i}`)),
    );
    expect(answers.every((a) => a.ok && a.data.counted)).toBe(true);
    expect(await totals(h.store, A)).toMatchObject({ pv: 200, uv: 200 });
  });

  test('one eventId sent 50 times at once counts once', async () => {
    const input = readInput(A);
    const answers = await Promise.all(Array.from({ length: 50 }, () => h.track<ReadOut>('read', input)));
    expect(answers.every((a) => a.ok && a.data.counted)).toBe(true);
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
    const { entries } = await h.store.reconcileSnapshot({ from: null, to: '99991231' });
    expect(entries).toHaveLength(1);
  });

  test('inflation: one reader opening a speech 1,000 times in a minute moves PV and UV by 1', async () => {
    const answers: boolean[] = [];
    for (let i = 0; i < 1000; i += 1) {
      const res = await h.track<ReadOut>('read', readInput(A));
      answers.push(res.ok);
      h.clock.advance(59);
    }
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
    expect(answers.filter(Boolean)).toHaveLength(120);
  });

  test('the 121st event in a minute is RATE_LIMITED and not counted; a minute later it is accepted', async () => {
    h.clock.ms = Math.floor(h.clock.ms / MINUTE) * MINUTE;
    const opening = readInput(A);
    await h.track('read', opening);
    for (let batch = 0; batch < 6; batch += 1) {
      const size = batch === 5 ? 19 : 20;
      const events = Array.from({ length: size }, () => ({
        type: 'progress',
        eventId: newId('p'),
        articleId: A,
        readEventId: opening.eventId,
        depth: 0.1,
        dwellMs: 1000,
      }));
      const { results } = data(await h.track<{ results: EventResult[] }>('batch', { events }));
      expect(results.every((r) => r.ok)).toBe(true);
    }
    const late = readInput('q7p9oq');
    expect(await h.track('read', late)).toMatchObject({ ok: false, code: 'RATE_LIMITED' });
    expect(await totals(h.store, 'q7p9oq')).toMatchObject({ pv: 0 });
    h.clock.advance(MINUTE);
    expect(data(await h.track<ReadOut>('read', late))).toEqual({ counted: true, readCount: 1 });
  });

  test('a clock stepping back between two minutes does not reopen the limit', async () => {
    h.clock.ms = Math.floor(h.clock.ms / MINUTE) * MINUTE + MINUTE - 1_000;
    const accepted: boolean[] = [];
    // 480 events in 4 s of reader time while the clock flips between the end of one minute and the start of the next.
    for (let i = 0; i < 24; i += 1) {
      const events = Array.from({ length: 20 }, () => ({ type: 'read', ...readInput(i % 2 === 0 ? A : 'q7p9oq') }));
      const { results } = data(await h.track<{ results: EventResult[] }>('batch', { events }));
      accepted.push(...results.map((r) => r.ok));
      h.clock.advance(i % 2 === 0 ? 2_000 : -2_000);
    }
    // The first batch fits the earlier minute; from then on everything counts against the later one.
    expect(accepted.filter(Boolean)).toHaveLength(20 + 120);
  });

  test('in a batch, the events past the limit get their own RATE_LIMITED result', async () => {
    h.clock.ms = Math.floor(h.clock.ms / MINUTE) * MINUTE;
    for (let i = 0; i < 110; i += 1) await h.track('read', readInput(A));
    const events = Array.from({ length: 20 }, () => ({ type: 'read', ...readInput('q7p9oq') }));
    const { results } = data(await h.track<{ results: EventResult[] }>('batch', { events }));
    expect(results.map((r) => r.code ?? 'ok')).toEqual([...Array(10).fill('ok'), ...Array(10).fill('RATE_LIMITED')]);
    expect(await totals(h.store, 'q7p9oq')).toMatchObject({ pv: 1, uv: 1 });
  });
});
