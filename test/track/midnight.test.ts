import { ARTICLE_STATS } from '../../backend/storage/cloudbase';
import { READER_PREFIX } from '../../backend/storage/cloudbase/documents';
import { reconcile } from '../../backend/track/reconcile';
import type { CloudBaseEndpoint } from '../support/cloudbase-endpoint';
import { A, B, cloudbaseHarness, dailyByChannel, describeOnEachAdapter, readInput } from './support';

/**
 * A call takes its time once, before it may have to decide again: one that began at 23:59:59 can commit after one
 * that began at 00:00:01. The reader's days must not move backwards when it does.
 */
const BEFORE = Date.parse('2026-11-27T15:59:59Z'); // 23:59:59 on the 27th, China time
const AFTER = Date.parse('2026-11-27T16:00:01Z'); // 00:00:01 on the 28th

test('CloudBase: a call that commits after a later one keeps its own day, and reconciling either day sees it', async () => {
  const h = await cloudbaseHarness();
  const endpoint = h.endpoint as CloudBaseEndpoint;
  h.clock.ms = AFTER;
  await h.track('read', readInput(A), 'o-late');
  // The older call commits last.
  h.clock.ms = BEFORE;
  await h.track('read', readInput(B), 'o-late');
  const reader = endpoint.peek(ARTICLE_STATS).find((d) => String(d._id).startsWith(READER_PREFIX));
  // The oldest day the record holds is the older call's, so reconciling it finds the reader.
  expect(reader).toMatchObject({ o: '20261127', n: { D20261127: 1, D20261128: 1 } });
  for (const day of ['20261127', '20261128']) {
    const report = await reconcile(h.store, { from: day, to: `2026112${Number(day.slice(-1)) + 1}`, fix: true });
    expect(report).toEqual({ entries: 1, drift: [] });
  }
  expect((await dailyByChannel(h.store, A, '20261128')).get('other')).toMatchObject({ pv: 1, uv: 1 });
  await h.close();
});

describeOnEachAdapter('the day a reader was last counted in UV', (h) => {
  test('does not move back to the older call’s day, so the reader is not counted in the later day’s UV twice', async () => {
    h.clock.ms = AFTER;
    await h.track('read', readInput(A), 'o-late');
    h.clock.ms = BEFORE;
    await h.track('read', readInput(A), 'o-late');
    h.clock.ms = AFTER + 60_000;
    await h.track('read', readInput(A), 'o-late');
    const day = await dailyByChannel(h.store, A, '20261128');
    expect(day.get('other')).toMatchObject({ pv: 1, uv: 1 });
  });
});
