import { contentActions } from '../../backend/content/handlers';
import { dispatch } from '../../backend/core/router';
import type { EventResult } from '../../typings/contract';
import type { CloudBaseEndpoint } from '../support/cloudbase-endpoint';
import { A, attribution, B, cloudbaseHarness, data, type Harness, MINUTE, newId, readInput, sid } from './support';

/**
 * Database requests per call on the CloudBase adapter, as the local endpoint receives them from the real SDK (each
 * a billed round trip in the cloud). The budget for a `read`:
 * at most 4 when it is counted, at most 2 when it is a re-opening within the window.
 */
describe('the cost of counting on CloudBase', () => {
  let h: Harness;
  let endpoint: CloudBaseEndpoint;
  beforeEach(async () => {
    h = await cloudbaseHarness();
    endpoint = h.endpoint as CloudBaseEndpoint;
  });
  afterEach(() => h.close());

  const cost = async (call: () => Promise<unknown>) => {
    endpoint.requests.clear();
    await call();
    return { ...endpoint.requests.byOp(), total: endpoint.requests.count() };
  };
  const read = (openid = 'o-reader', input = readInput(A)) => h.track('read', input, openid);

  test('a counted read by a reader never seen, of a speech never read: 1 get, 1 add, 1 update', async () => {
    // The speech's counter record was made zeroed with its installment: counting only ever updates it.
    const ops = await cost(() => read());
    expect(ops).toMatchObject({ get: 1, add: 1, update: 1, total: 3 });
  });

  test('a counted read by a known reader: 1 get, 2 updates (≤ 4)', async () => {
    await read();
    await read('o-other', readInput(B));
    h.clock.advance(31 * MINUTE);
    const ops = await cost(() => read());
    expect(ops).toMatchObject({ get: 1, update: 2, total: 3 });
    expect(ops.total).toBeLessThanOrEqual(4);
  });

  test('a repeat (re-opening within 30 minutes): 1 get, 1 update (≤ 2)', async () => {
    await read();
    h.clock.advance(5 * MINUTE);
    const ops = await cost(() => read());
    expect(ops).toMatchObject({ get: 1, update: 1, total: 2 });
  });

  test('a duplicate (same eventId again): 1 get, no write', async () => {
    const input = readInput(A);
    await read('o-reader', input);
    const ops = await cost(() => read('o-reader', input));
    expect(ops).toMatchObject({ get: 1, total: 1 });
  });

  test('a rate-limited read: 1 get, no write; a crawler read: 1 get, no write', async () => {
    for (let i = 0; i < 120; i += 1) await read();
    expect((await cost(() => read())).total).toBe(1);
    expect((await cost(() => h.track('read', readInput(A, { scene: 1129 }), null))).total).toBe(1);
  });

  test('article.get with a counted read: the article and the read in 4 (1 + 3)', async () => {
    await read('o-other');
    const get = (openid: string) =>
      dispatch(
        contentActions,
        { action: 'article.get', input: { id: A, read: { eventId: newId(), attribution: attribution() } } },
        h.ctx(openid),
      );
    const counted = await cost(() => get('o-reader'));
    expect(counted).toMatchObject({ get: 2, add: 1, update: 1, total: 4 });
    h.clock.advance(MINUTE);
    // A repeat costs the article's get plus the read's 2.
    expect(await cost(() => get('o-reader'))).toMatchObject({ get: 2, update: 1, total: 3 });
  });

  test('staff cost a read nothing more: the staff mark comes with the snapshot’s get (article.get 4, a repeat 2)', async () => {
    const admin = 'o-admin-boot';
    data(await h.call('admin', 'staff.add', { openid: 'o-editor', name: '编辑', role: 'staff' }, admin));
    await read('o-editor', readInput(B));
    const get = (openid: string) =>
      dispatch(
        contentActions,
        { action: 'article.get', input: { id: A, read: { eventId: newId(), attribution: attribution() } } },
        h.ctx(openid),
      );
    // A staff member's and an ADMIN_OPENIDS administrator's counted reads: the same 4 as a reader's.
    const staffRead = await cost(() => get('o-editor'));
    expect(staffRead).toMatchObject({ get: 2, update: 2, total: 4 });
    expect(await cost(() => get(admin))).toMatchObject({ get: 2, add: 1, update: 1, total: 4 });
    h.clock.advance(MINUTE);
    expect(await cost(() => read('o-editor'))).toMatchObject({ get: 1, update: 1, total: 2 });
    expect(await cost(() => read(admin))).toMatchObject({ get: 1, update: 1, total: 2 });
  });

  test('progress: 2 (3 when it completes); a share: 4; a batch of 20 events: 4', async () => {
    const opening = readInput(A);
    await read('o-reader', opening);
    const progress = (depth: number) =>
      h.track('progress', { eventId: newId('p'), articleId: A, readEventId: opening.eventId, depth, dwellMs: 60_000 });
    expect((await cost(() => progress(0.5))).total).toBe(2);
    expect(await cost(() => progress(1))).toMatchObject({ get: 1, update: 2, total: 3 });
    const share = { eventId: newId('s'), articleId: A, shareId: sid('o-reader', 'Cst1'), target: 'chat' };
    expect(await cost(() => h.track('share', share))).toMatchObject({ get: 1, add: 1, update: 2, total: 4 });

    h.clock.advance(31 * MINUTE);
    const next = readInput(A);
    const events = [
      { type: 'read', ...next },
      ...Array.from({ length: 18 }, () => ({
        type: 'progress',
        eventId: newId('p'),
        articleId: A,
        readEventId: next.eventId,
        depth: 0.5,
        dwellMs: 1000,
      })),
      { type: 'share', eventId: newId('s'), articleId: A, shareId: sid('o-reader', 'Cst2'), target: 'poster' },
    ];
    let results: EventResult[] = [];
    const ops = await cost(async () => {
      results = data(await h.track<{ results: EventResult[] }>('batch', { events })).results;
    });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(ops).toMatchObject({ get: 1, add: 1, update: 2, total: 4 });
  });
});
