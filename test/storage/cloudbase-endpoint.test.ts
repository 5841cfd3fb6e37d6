import net from 'node:net';
import type { Command, Database, LogicCommand, QueryCommand, UpdateCommand, WhereCondition } from 'wx-server-sdk';
import { readAll } from '../../backend/storage/cloudbase/paging';
import {
  ACTIONS,
  type CloudBaseEndpoint,
  setWXContext,
  startCloudBaseEndpoint,
  WRITE_OPS,
} from '../support/cloudbase-endpoint';

/**
 * The local endpoint, driven by the real wx-server-sdk: every call below goes through the SDK's request
 * encoding, HTTP and answer decoding, as in a cloud function.
 */

// Installed before the first endpoint starts: every connection made in this file is checked at the end.
const connects = jest.spyOn(net.Socket.prototype, 'connect');

/** Commands the SDK has and typings/ leaves out, since the app does not use them. */
type FullCommand = Command & {
  exists(v: boolean): QueryCommand;
  set(v: unknown): UpdateCommand;
  remove(): UpdateCommand;
};

let endpoint: CloudBaseEndpoint;
let db: Database;
let _: FullCommand;

beforeAll(async () => {
  endpoint = await startCloudBaseEndpoint();
  db = endpoint.database();
  _ = db.command as FullCommand;
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.reset());

const c = () => db.collection('c');
const ids = (docs: Array<{ _id: unknown }>) => docs.map((d) => d._id);
const SDK_ERROR = { errCode: expect.any(Number), errMsg: expect.any(String) };

describe('reads', () => {
  beforeEach(() => {
    endpoint.seed('c', [
      { _id: 'a', n: 1, tag: 'x', a: { b: 1, c: 2 }, arr: [1, 2] },
      { _id: 'b', n: 2, tag: 'y', a: { b: 2 } },
      { _id: 'c', n: 3, tag: 'x' },
      { _id: 'd', n: 4, s: 'str' },
    ]);
  });

  it('gets records by `_id: _.in(ids)` with a field projection, nested paths included', async () => {
    const { data } = await c()
      .where({ _id: _.in(['a', 'c', 'missing']) })
      .field({ n: true, 'a.b': true })
      .limit(10)
      .get();
    expect(data).toEqual([
      { _id: 'a', n: 1, a: { b: 1 } },
      { _id: 'c', n: 3 },
    ]);
  });

  it('excludes fields with `false`, and `_id` only when asked', async () => {
    const { data } = await c().where({ _id: 'a' }).field({ a: false, arr: false }).get();
    expect(data).toEqual([{ _id: 'a', n: 1, tag: 'x' }]);
    expect((await c().where({ _id: 'a' }).field({ _id: false, n: true }).get()).data).toEqual([{ n: 1 }]);
  });

  const operators: Array<[string, (_: FullCommand) => WhereCondition | LogicCommand, string[]]> = [
    ['_.nin', (_) => ({ _id: _.nin(['a', 'b']) }), ['c', 'd']],
    ['_.gt', (_) => ({ n: _.gt(2) }), ['c', 'd']],
    ['_.gte', (_) => ({ n: _.gte(2) }), ['b', 'c', 'd']],
    ['_.lt', (_) => ({ n: _.lt(2) }), ['a']],
    ['_.lte', (_) => ({ n: _.lte(2) }), ['a', 'b']],
    ['_.eq', (_) => ({ tag: _.eq('x') }), ['a', 'c']],
    ['_.neq (a missing field counts as different)', (_) => ({ tag: _.neq('x') }), ['b', 'd']],
    ['_.exists(true)', (_) => ({ s: _.exists(true) }), ['d']],
    ['_.exists(false)', (_) => ({ a: _.exists(false) }), ['c', 'd']],
    ['a chained range', (_) => ({ n: _.gt(1).and(_.lt(4)) }), ['b', 'c']],
    ['_.and of conditions', (_) => _.and([{ tag: 'x' }, { n: _.gt(1) }]), ['c']],
    ['_.or of conditions', (_) => _.or([{ tag: 'y' }, { n: _.gte(4) }]), ['b', 'd']],
    ['_.or on one field', (_) => ({ n: _.or(_.eq(1), _.eq(3)) }), ['a', 'c']],
    ['a nested object (dotted path)', () => ({ a: { b: 2 } }), ['b']],
    ['an array containing the value', () => ({ arr: 2 }), ['a']],
    ['a string range on `_id`', (_) => ({ _id: _.gt('b') }), ['c', 'd']],
  ];

  it.each(operators)('matches with %s', async (_name, where, expected) => {
    expect(ids((await c().where(where(_)).get()).data)).toEqual(expected);
  });

  it('sorts on several fields (missing first when ascending), then skips and limits', async () => {
    const query = c().orderBy('tag', 'asc').orderBy('n', 'desc');
    expect(ids((await query.get()).data)).toEqual(['d', 'c', 'a', 'b']);
    expect(ids((await query.skip(1).limit(2).get()).data)).toEqual(['c', 'a']);
  });

  it('counts the records a query matches', async () => {
    expect(await c().where({ tag: 'x' }).count()).toMatchObject({ total: 2 });
    expect(await c().count()).toMatchObject({ total: 4 });
  });

  it('gets one record with doc(id).get(), and rejects a missing one unless throwOnNotFound is false', async () => {
    expect((await c().doc('b').get()).data).toEqual({ _id: 'b', n: 2, tag: 'y', a: { b: 2 } });
    await expect(c().doc('nope').get()).rejects.toMatchObject({ errMsg: expect.stringContaining('does not exist') });
    const lenient = endpoint.database({ throwOnNotFound: false });
    expect((await lenient.collection('c').doc('nope').get()).data).toBeNull();
  });
});

describe('the number of records a get returns', () => {
  beforeEach(() => {
    endpoint.seed(
      'many',
      Array.from({ length: 1100 }, (_unused, i) => ({ _id: `r${String(i).padStart(4, '0')}`, i })),
    );
  });

  it('is 100 with no limit and at most 1000 whatever the limit (the SDK sends 100, and caps at 1000)', async () => {
    expect((await db.collection('many').get()).data).toHaveLength(100);
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000);
    expect(endpoint.requests.entries.map((r) => r.limit)).toEqual([100, 1000]);
  });

  it('is capped at 1000 by the endpoint too, for a request that asks for more', async () => {
    const body = {
      action: ACTIONS.get,
      envName: endpoint.env,
      collectionName: 'many',
      queryType: 'WHERE',
      limit: 5000,
    };
    const res = await fetch(endpoint.url, { method: 'POST', body: JSON.stringify(body) });
    const { data } = (await res.json()) as { data: { list: string[] } };
    expect(data.list).toHaveLength(1000);
  });

  it('lets readAll page through with skip, one request per 100 records', async () => {
    const all = await readAll(
      db
        .collection('many')
        .where({ i: _.lt(250) })
        .orderBy('_id', 'asc'),
    );
    expect(all.map((d) => d.i)).toEqual(Array.from({ length: 250 }, (_unused, i) => i));
    expect(endpoint.requests.count(ACTIONS.get)).toBe(3);
  });
});

describe('writes', () => {
  it('adds a record with its own `_id`, or with one made up (32 hex digits)', async () => {
    expect(await c().add({ data: { _id: 'mine', n: 1 } })).toMatchObject({ _id: 'mine' });
    const { _id } = await c().add({ data: { n: 2 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    expect(endpoint.peek('c')).toEqual([
      { _id: 'mine', n: 1 },
      { _id, n: 2 },
    ]);
  });

  it('refuses to add a taken `_id` as the platform does (-502001, E11000 duplicate key), keeping the first', async () => {
    await c().add({ data: { _id: 'r1', v: 1 } });
    await expect(c().add({ data: { _id: 'r1', v: 2 } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringMatching(/collection\.add:fail -502001 .*E11000 duplicate key.*r1/),
    });
    expect(endpoint.peek('c')).toEqual([{ _id: 'r1', v: 1 }]);
  });

  it('replaces a whole record with doc(id).set, and creates it when missing', async () => {
    endpoint.seed('c', [{ _id: 'a', x: 1, y: { z: 1 } }]);
    expect(
      await c()
        .doc('a')
        .set({ data: { y: { w: 2 } } }),
    ).toMatchObject({ stats: { updated: 1, created: 0 } });
    expect(
      await c()
        .doc('b')
        .set({ data: { d: {} } }),
    ).toMatchObject({ stats: { updated: 0, created: 1 } });
    expect(endpoint.peek('c')).toEqual([
      { _id: 'a', y: { w: 2 } },
      { _id: 'b', d: {} },
    ]);
  });

  it('counts a set or update as updated only when the record changed, however deep the change', async () => {
    const blocks = (text: string) => [{ id: 'b1', kind: 'paragraph', text }];
    await c()
      .doc('a')
      .set({ data: { blocks: blocks('r1') } });
    expect(
      await c()
        .doc('a')
        .set({ data: { blocks: blocks('r2') } }),
    ).toMatchObject({ stats: { updated: 1 } });
    expect(
      await c()
        .doc('a')
        .set({ data: { blocks: blocks('r2') } }),
    ).toMatchObject({ stats: { updated: 0 } });
    expect(
      await c()
        .doc('a')
        .update({ data: { blocks: blocks('r2') } }),
    ).toMatchObject({ stats: { updated: 0 } });
    expect(endpoint.peek('c')).toEqual([{ _id: 'a', blocks: blocks('r2') }]);
  });

  it('increments nested counters with doc(id).update, creating the paths, merging with what is there', async () => {
    endpoint.seed('c', [{ _id: 'art', t: 'article', pv: 0, uv: 0, d: {} }]);
    const inc = (channel: string) => ({
      pv: _.inc(1),
      d: { D20261201: { [channel]: { pv: _.inc(1), uv: _.inc(1) } } },
    });
    expect(
      await c()
        .doc('art')
        .update({ data: inc('bao') }),
    ).toMatchObject({ stats: { updated: 1 } });
    await c()
      .doc('art')
      .update({ data: inc('bao') });
    await c()
      .doc('art')
      .update({ data: inc('qr') });
    expect(endpoint.peek('c')).toEqual([
      { _id: 'art', t: 'article', pv: 3, uv: 0, d: { D20261201: { bao: { pv: 2, uv: 2 }, qr: { pv: 1, uv: 1 } } } },
    ]);
  });

  it('updates nothing (stats.updated 0) and creates nothing for a missing doc(id)', async () => {
    expect(
      await c()
        .doc('nope')
        .update({ data: { pv: _.inc(1) } }),
    ).toMatchObject({ stats: { updated: 0 } });
    expect(endpoint.peek('c')).toEqual([]);
  });

  it('merges a plain object in update data field by field; _.set replaces it; _.remove deletes a field', async () => {
    endpoint.seed('c', [{ _id: 'r', rate: { minute: 1, count: 5 }, a: { x: { s: 1 } }, gone: true, keys: [1, 2] }]);
    await c()
      .doc('r')
      .update({ data: { rate: { count: 6 }, a: { y: { s: 2 } }, keys: [3] } });
    expect(endpoint.peek('c')[0]).toEqual({
      _id: 'r',
      rate: { minute: 1, count: 6 },
      a: { x: { s: 1 }, y: { s: 2 } },
      gone: true,
      keys: [3],
    });
    await c()
      .doc('r')
      .update({ data: { rate: _.set({ count: 7 }), gone: _.remove() } });
    expect(endpoint.peek('c')[0]).toEqual({ _id: 'r', rate: { count: 7 }, a: { x: { s: 1 }, y: { s: 2 } }, keys: [3] });
  });

  it('updates where({_id, v}) only while v is the one read (stats.updated 1, then 0)', async () => {
    endpoint.seed('c', [{ _id: 'R_k', v: 1, w: 'old' }]);
    const write = (token: string) =>
      c()
        .where({ _id: 'R_k', v: 1 })
        .update({ data: { v: _.inc(1), w: token } });
    expect(await write('t1')).toMatchObject({ stats: { updated: 1 } });
    expect(await write('t2')).toMatchObject({ stats: { updated: 0 } });
    expect(endpoint.peek('c')).toEqual([{ _id: 'R_k', v: 2, w: 't1' }]);
  });

  it('updates and removes every record a where() matches', async () => {
    endpoint.seed('c', [
      { _id: 'a', tag: 'x' },
      { _id: 'b', tag: 'y' },
      { _id: 'c', tag: 'x' },
    ]);
    expect(
      await c()
        .where({ tag: 'x' })
        .update({ data: { seen: true } }),
    ).toMatchObject({ stats: { updated: 2 } });
    expect(endpoint.peek('c').filter((d) => d.seen === true)).toHaveLength(2);
    expect(await c().where({ tag: 'x' }).remove()).toMatchObject({ stats: { removed: 2 } });
    expect(await c().doc('b').remove()).toMatchObject({ stats: { removed: 1 } });
    expect(await c().doc('b').remove()).toMatchObject({ stats: { removed: 0 } });
    expect(endpoint.peek('c')).toEqual([]);
  });

  it('refuses an update MongoDB refuses (an increment of a string), changing nothing', async () => {
    endpoint.seed('c', [{ _id: 'a', n: 'one', m: 1 }]);
    await expect(
      c()
        .doc('a')
        .update({ data: { m: _.inc(1), n: _.inc(1) } }),
    ).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('non-numeric'),
    });
    expect(endpoint.peek('c')).toEqual([{ _id: 'a', n: 'one', m: 1 }]);
  });

  it('stores db.serverDate() as a Date and reads Dates back as Dates', async () => {
    const before = Date.now();
    await c().add({ data: { _id: 'd', at: db.serverDate(), given: new Date(0) } });
    const { data } = await c().doc('d').get();
    expect(data.given).toEqual(new Date(0));
    expect(data.at).toBeInstanceOf(Date);
    expect((data.at as Date).getTime()).toBeGreaterThanOrEqual(before);
  });
});

describe('limits', () => {
  const KB = 1024;

  it('fails an answer over 1 MB (EXCEED_MAX_RESPONSE_SIZE), while a projected query of the same records passes', async () => {
    endpoint.seed(
      'big',
      Array.from({ length: 12 }, (_unused, i) => ({ _id: `b${i}`, text: 'x'.repeat(100 * KB) })),
    );
    await expect(db.collection('big').get()).rejects.toMatchObject({
      // wx-server-sdk 4.0.2 has no errCode for this code: it reports SYS_ERR (-501001) with the platform's message.
      errCode: -501001,
      errMsg: expect.stringMatching(/EXCEED_MAX_RESPONSE_SIZE.*-602001/),
    });
    expect((await db.collection('big').field({ _id: true }).get()).data).toHaveLength(12);
    expect((await db.collection('big').limit(9).get()).data).toHaveLength(9);
  });

  it('refuses to store a record over 16 MB, by add or by update', async () => {
    const MB = 1024 * KB;
    await expect(c().add({ data: { _id: 'huge', text: 'x'.repeat(16 * MB) } })).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('too large'),
    });
    expect(endpoint.peek('c')).toEqual([]);

    endpoint.seed('c', [{ _id: 'grows', text: 'x'.repeat(16 * MB - 200 * KB) }]);
    await expect(
      c()
        .doc('grows')
        .update({ data: { more: 'y'.repeat(300 * KB) } }),
    ).rejects.toMatchObject({
      errCode: -502001,
      errMsg: expect.stringContaining('larger than'),
    });
    expect(endpoint.peek('c')[0]).not.toHaveProperty('more');
  });
});

describe('faults', () => {
  beforeEach(() => endpoint.seed('c', [{ _id: 'a', n: 0 }]));
  const bump = () =>
    c()
      .doc('a')
      .update({ data: { n: _.inc(1) } });
  const n = () => endpoint.peek('c')[0]?.n;

  it('error: the request is not applied and the SDK rejects with the platform code', async () => {
    endpoint.faults.next({ action: ACTIONS.modify, kind: 'error' });
    await expect(bump()).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('injected') });
    expect(n()).toBe(0);
    await bump();
    expect(n()).toBe(1);
  });

  it('fails the Nth matching request (after), `times` in a row, with the code asked for', async () => {
    endpoint.faults.next({
      action: ACTIONS.get,
      kind: 'error',
      after: 2,
      times: 2,
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
    const get = () => c().where({ _id: 'a' }).get();
    await get();
    await bump(); // another action: not counted by the fault
    await get();
    await expect(get()).rejects.toMatchObject({ errCode: -502005 });
    await expect(get()).rejects.toMatchObject({ errCode: -502005 });
    await expect(get()).resolves.toMatchObject({ data: [{ _id: 'a', n: 1 }] });
  });

  it('matches what a request does: a set and not an update, or the second write of any kind', async () => {
    endpoint.faults.next({ op: 'set', kind: 'error' });
    await bump();
    await expect(
      c()
        .doc('a')
        .set({ data: { n: 9 } }),
    ).rejects.toMatchObject({ errCode: -502001 });
    endpoint.faults.next({ op: WRITE_OPS, after: 1, kind: 'error' });
    await c().where({ _id: 'a' }).get();
    await c().add({ data: { _id: 'b' } });
    await expect(c().doc('b').remove()).rejects.toMatchObject(SDK_ERROR);
    expect(endpoint.peek('c')).toEqual([{ _id: 'a', n: 1 }, { _id: 'b' }]);
  });

  it('matches a collection', async () => {
    endpoint.faults.next({ collection: 'other', kind: 'error' });
    await bump();
    await expect(db.collection('other').get()).rejects.toMatchObject(SDK_ERROR);
    expect(n()).toBe(1);
  });

  it('lostReply: the write is applied, yet the SDK call rejects', async () => {
    endpoint.faults.next({ action: ACTIONS.modify, kind: 'lostReply' });
    await expect(bump()).rejects.toMatchObject({ errCode: -501001 });
    expect(n()).toBe(1);

    endpoint.faults.next({ action: ACTIONS.add, kind: 'lostReply' });
    await expect(c().add({ data: { _id: 'b' } })).rejects.toMatchObject(SDK_ERROR);
    expect(ids(endpoint.peek('c'))).toEqual(['a', 'b']);
    // Retrying the add now meets its own record.
    await expect(c().add({ data: { _id: 'b' } })).rejects.toMatchObject({ errCode: -502001 });
  });

  it('hang: holds the request, unapplied, until released; then applies and answers it', async () => {
    const fault = endpoint.faults.next({ action: ACTIONS.modify, kind: 'hang' });
    const pending = bump();
    await fault.reached();
    expect(n()).toBe(0);
    expect(await c().where({ _id: 'a' }).get()).toMatchObject({ data: [{ n: 0 }] });
    fault.release();
    await expect(pending).resolves.toMatchObject({ stats: { updated: 1 } });
    expect(n()).toBe(1);
  });

  it('hang: a held request is cut when the endpoint is reset', async () => {
    const fault = endpoint.faults.next({ kind: 'hang' });
    const pending = c().get();
    await fault.reached();
    endpoint.reset();
    await expect(pending).rejects.toMatchObject(SDK_ERROR);
  });

  it('hang: the SDK gives up after its timeout (cloud.init({ timeout })); a later release still applies the write', async () => {
    const slow = await startCloudBaseEndpoint({ timeout: 300 });
    try {
      const sdb = slow.database();
      slow.seed('c', [{ _id: 'a', n: 0 }]);
      const fault = slow.faults.next({ action: ACTIONS.modify, kind: 'hang' });
      const started = Date.now();
      await expect(
        sdb
          .collection('c')
          .doc('a')
          .update({ data: { n: sdb.command.inc(1) } }),
      ).rejects.toMatchObject({ errCode: -501001, errMsg: expect.stringContaining('timeout') });
      expect(Date.now() - started).toBeGreaterThanOrEqual(250);
      expect(slow.peek('c')[0]?.n).toBe(0);
      fault.release();
      // Any request made after the release is answered after the held one was applied.
      expect((await sdb.collection('c').doc('a').get()).data).toMatchObject({ n: 1 });
    } finally {
      await slow.close();
    }
  });
});

describe('the request log', () => {
  it('counts every request by action and collection, faulted ones included', async () => {
    endpoint.seed('c', [{ _id: 'a', n: 0 }]);
    await c().where({ _id: 'a' }).get();
    await c()
      .doc('a')
      .update({ data: { n: _.inc(1) } });
    await c().add({ data: { _id: 'b' } });
    await c().count();
    endpoint.faults.next({ kind: 'error' });
    await expect(db.collection('d').where({ x: 1 }).remove()).rejects.toMatchObject(SDK_ERROR);
    expect(endpoint.requests.byAction()).toEqual({
      [ACTIONS.get]: 1,
      [ACTIONS.modify]: 1,
      [ACTIONS.add]: 1,
      [ACTIONS.count]: 1,
      [ACTIONS.remove]: 1,
    });
    expect(endpoint.requests.byOp()).toEqual({ get: 1, count: 1, add: 1, set: 0, update: 1, remove: 1 });
    expect(endpoint.requests.count()).toBe(5);
    expect(endpoint.requests.count({ op: 'update', collection: 'c' })).toBe(1);
    expect(endpoint.requests.count({ collection: 'c' })).toBe(4);
    expect(endpoint.requests.entries.at(-1)).toMatchObject({ action: ACTIONS.remove, collection: 'd', fault: 'error' });
  });

  it('keeps the size of every answer sent, and none for a connection cut without one', async () => {
    endpoint.seed('c', [{ _id: 'big', text: 'x'.repeat(50_000) }, { _id: 'small' }]);
    await c().where({ _id: 'big' }).get();
    await c().where({ _id: 'small' }).get();
    endpoint.faults.next({ op: 'add', kind: 'lostReply' });
    await expect(c().add({ data: { _id: 'lost' } })).rejects.toMatchObject(SDK_ERROR);
    const [big, small, cut] = endpoint.requests.entries;
    expect(big?.answerBytes).toBeGreaterThan(50_000);
    expect(small?.answerBytes).toBeLessThan(1000);
    expect(cut).not.toHaveProperty('answerBytes');
    expect(endpoint.requests.largestAnswer()).toBe(big?.answerBytes);
  });

  it('sizes a refused answer by the refusal sent, not by what was refused', async () => {
    endpoint.seed('c', [{ _id: 'huge', text: 'x'.repeat(1_100_000) }]);
    await expect(c().where({ _id: 'huge' }).get()).rejects.toMatchObject({
      errMsg: expect.stringContaining('EXCEED_MAX_RESPONSE_SIZE'),
    });
    expect(endpoint.requests.largestAnswer()).toBeLessThan(1000);
  });
});

describe('an endpoint with a fixed set of collections', () => {
  it('answers DATABASE_COLLECTION_NOT_EXIST (-502005) for any other collection', async () => {
    const strict = await startCloudBaseEndpoint({ collections: ['articles'] });
    try {
      const sdb = strict.database();
      await expect(sdb.collection('articles').get()).resolves.toMatchObject({ data: [] });
      await expect(sdb.collection('nope').add({ data: { x: 1 } })).rejects.toMatchObject({ errCode: -502005 });
    } finally {
      await strict.close();
    }
  });

  it('makes one with db.createCollection, refuses a name that exists as the platform does, forgets it on reset', async () => {
    const strict = await startCloudBaseEndpoint({ collections: ['articles'] });
    try {
      const sdb = strict.database();
      await expect(sdb.createCollection('codes')).resolves.toMatchObject({ errMsg: expect.stringMatching(/ok/) });
      await expect(sdb.collection('codes').add({ data: { x: 1 } })).resolves.toMatchObject({ _id: expect.any(String) });
      const taken = { code: 'DATABASE_COLLECTION_ALREADY_EXIST', errMsg: expect.stringContaining('Table exist') };
      await expect(sdb.createCollection('codes')).rejects.toMatchObject(taken);
      await expect(sdb.createCollection('articles')).rejects.toMatchObject(taken);
      expect(strict.requests.count({ op: 'createCollection' })).toBe(3);
      strict.reset();
      await expect(sdb.collection('codes').get()).rejects.toMatchObject({ errCode: -502005 });
    } finally {
      await strict.close();
    }
  });
});

describe('an endpoint where every collection exists', () => {
  it('refuses db.createCollection for any name', async () => {
    await expect(db.createCollection('anything')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
  });
});

describe('what the endpoint does not answer', () => {
  it('refuses a transaction (database.startTransaction) with INVALID_ACTION', async () => {
    const withTransactions = db as Database & { startTransaction(): Promise<unknown> };
    await expect(withTransactions.startTransaction()).rejects.toMatchObject({
      message: expect.stringContaining('database.startTransaction is not supported'),
    });
    expect(endpoint.requests.entries).toEqual([expect.objectContaining({ action: 'database.startTransaction' })]);
  });
});

describe('SDK instances', () => {
  it('are one per endpoint: two endpoints at once each get their own requests', async () => {
    const other = await startCloudBaseEndpoint({ env: 'other-env' });
    try {
      await other
        .database()
        .collection('c')
        .add({ data: { _id: 'there' } });
      await c().add({ data: { _id: 'here' } });
      expect(ids(other.peek('c'))).toEqual(['there']);
      expect(ids(endpoint.peek('c'))).toEqual(['here']);
    } finally {
      await other.close();
    }
  });

  it('read getWXContext() from the environment, as setWXContext sets it', () => {
    const restore = setWXContext({ OPENID: 'o-1', APPID: 'wx-app', SOURCE: 'wx_client', ENV: endpoint.env });
    try {
      expect(endpoint.cloud.getWXContext()).toEqual({
        OPENID: 'o-1',
        APPID: 'wx-app',
        SOURCE: 'wx_client',
        ENV: endpoint.env,
      });
    } finally {
      restore();
    }
    const noOpenid = setWXContext({ SOURCE: 'wx_trigger' });
    try {
      expect(endpoint.cloud.getWXContext()).toMatchObject({ SOURCE: 'wx_trigger' });
      expect(endpoint.cloud.getWXContext()).not.toHaveProperty('OPENID');
    } finally {
      noOpenid();
    }
  });
});

describe('the network', () => {
  it('is loopback only: every connection made by the SDK in this file went to 127.0.0.1', async () => {
    await c().get();
    // http passes its normalized arguments: [options, callback] as the first argument.
    const hostOf = (arg: unknown): unknown => {
      const first: unknown = Array.isArray(arg) ? arg[0] : arg;
      return typeof first === 'object' && first !== null && 'host' in first ? first.host : first;
    };
    const hosts = connects.mock.calls.map(([arg]) => hostOf(arg));
    expect(hosts.length).toBeGreaterThan(0);
    expect(new Set(hosts)).toEqual(new Set(['127.0.0.1']));
  });
});
