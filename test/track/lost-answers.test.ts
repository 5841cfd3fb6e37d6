import { ARTICLE_STATS } from '../../backend/storage/cloudbase';
import { ALL_DAYS, reconcile } from '../../backend/track/reconcile';
import type { CloudBaseEndpoint } from '../support/cloudbase-endpoint';
import { A, B, cloudbaseHarness, data, drift, type Harness, MINUTE, readInput, totals } from './support';

/**
 * CloudBase: a request that was applied but whose answer never came back (a timeout, a dropped connection).
 * Neither the call itself nor the app's retry of it may count it twice, or not at all.
 */
describe('CloudBase: a write applied with its answer lost', () => {
  let h: Harness;
  let endpoint: CloudBaseEndpoint;
  beforeEach(async () => {
    h = await cloudbaseHarness();
    endpoint = h.endpoint as CloudBaseEndpoint;
  });
  afterEach(async () => {
    expect(await drift(h.store)).toEqual([]);
    await h.close();
  });

  test('a new reader’s record: the call sees its own write landed and still adds to the counters', async () => {
    endpoint.faults.next({ op: 'add', kind: 'lostReply' });
    const input = readInput(A);
    expect(data(await h.track('read', input, 'o-new'))).toEqual({ counted: true, readCount: 1 });
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
    // The app's retry of the same event changes nothing.
    expect(data(await h.track('read', input, 'o-new'))).toEqual({ counted: true, readCount: 1 });
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
  });

  test('a known reader’s conditional update: the same', async () => {
    await h.track('read', readInput(B), 'o-known');
    endpoint.faults.next({ op: 'update', kind: 'lostReply' });
    expect(data(await h.track('read', readInput(A), 'o-known'))).toEqual({ counted: true, readCount: 1 });
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
  });

  test('the counter update: the call fails, and its retry finds the event recorded and counts it no more', async () => {
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    await h.track('read', readInput(B), 'o-known');
    h.clock.advance(MINUTE);
    const input = readInput(A);
    // Reader update first, then the counters' update.
    const lost = endpoint.faults.next({ op: 'update', after: 1, kind: 'lostReply' });
    expect(await h.track('read', input, 'o-known')).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(lost.hits).toBe(1);
    expect(data(await h.track('read', input, 'o-known'))).toEqual({ counted: true, readCount: 1 });
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
    quiet.mockRestore();
  });

  test('a fix for an article whose counter record is missing: created zeroed, then incremented, once', async () => {
    await h.track('read', readInput(A), 'o-known');
    await endpoint.database().collection(ARTICLE_STATS).doc(A).remove();
    // Creating the zeroed record succeeds with its answer lost: harmless, the increment is a separate update.
    const lost = endpoint.faults.next({ op: 'add', kind: 'lostReply' });
    await reconcile(h.store, { ...ALL_DAYS, fix: true });
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
    expect(lost.hits).toBe(1);
    expect(endpoint.peek(ARTICLE_STATS).filter((d) => d._id === A)).toHaveLength(1);
    expect(await drift(h.store)).toEqual([]);
  });
});
