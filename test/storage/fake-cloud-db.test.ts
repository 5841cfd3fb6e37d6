import { FakeCloudDb, MAX_GET } from '../support/fake-cloud-db';

describe('FakeCloudDb', () => {
  let fake: FakeCloudDb;

  beforeEach(() => {
    fake = new FakeCloudDb(() => new Date('2024-01-01T00:00:00Z'));
  });

  const fill = async (name: string, n: number) => {
    for (let i = 0; i < n; i += 1) {
      await fake.collection(name).add({ data: { _id: `d${String(i).padStart(3, '0')}`, n: i, even: i % 2 === 0 } });
    }
  };

  describe('add', () => {
    it('rejects an _id that is already taken', async () => {
      const docs = fake.collection('docs');
      await docs.add({ data: { _id: 'a', v: 1 } });

      await expect(docs.add({ data: { _id: 'a', v: 2 } })).rejects.toThrow(/duplicate/);
      expect(fake.peek('docs')).toEqual([{ _id: 'a', v: 1 }]);
    });

    it('generates an _id when none is given', async () => {
      const { _id } = await fake.collection('docs').add({ data: { v: 1 } });

      expect(typeof _id).toBe('string');
      expect((await fake.collection('docs').doc(_id).get()).data).toEqual({ _id, v: 1 });
    });

    it('turns serverDate() into the server time', async () => {
      await fake.collection('docs').add({ data: { _id: 'a', at: fake.serverDate({ offset: 1000 }) } });

      expect(fake.peek('docs')[0]?.at).toEqual(new Date('2024-01-01T00:00:01Z'));
    });
  });

  describe('doc', () => {
    it('rejects get() of a missing record, while where() on _id comes back empty', async () => {
      await expect(fake.collection('docs').doc('missing').get()).rejects.toThrow(/does not exist/);
      await expect(fake.collection('docs').where({ _id: 'missing' }).get()).resolves.toMatchObject({ data: [] });
    });

    it('set() creates or replaces the whole record, and refuses _id in data', async () => {
      const doc = fake.collection('docs').doc('a');

      expect((await doc.set({ data: { x: 1, y: 1 } })).stats).toEqual({ created: 1, updated: 0 });
      expect((await doc.set({ data: { x: 2 } })).stats).toEqual({ created: 0, updated: 1 });
      expect(fake.peek('docs')).toEqual([{ _id: 'a', x: 2 }]);

      const withId = { _id: 'a', x: 3 } as unknown as { x: number };
      await expect(doc.set({ data: withId })).rejects.toThrow(/_id/);
    });

    it('update() reports 1 when the record changed and 0 when it is missing', async () => {
      const _ = fake.command;
      await fake
        .collection('docs')
        .doc('a')
        .set({ data: { n: 1, nested: { keep: true, v: 1 } } });

      const bumped = await fake
        .collection('docs')
        .doc('a')
        .update({ data: { n: _.inc(2), nested: { v: 5 } } });
      const missing = await fake
        .collection('docs')
        .doc('b')
        .update({ data: { n: _.inc(1) } });

      expect(bumped.stats.updated).toBe(1);
      expect(missing.stats.updated).toBe(0);
      expect(fake.peek('docs')).toEqual([{ _id: 'a', n: 3, nested: { keep: true, v: 5 } }]);
    });

    it('inc() starts a missing field from 0', async () => {
      await fake
        .collection('docs')
        .doc('a')
        .set({ data: { pv: 0 } });
      await fake
        .collection('docs')
        .doc('a')
        .update({ data: { uv: fake.command.inc(1) } });

      expect(fake.peek('docs')).toEqual([{ _id: 'a', pv: 0, uv: 1 }]);
    });
  });

  describe('queries', () => {
    it('returns at most 100 records, even when asked for more', async () => {
      await fill('docs', 130);
      const docs = fake.collection('docs');

      expect((await docs.get()).data).toHaveLength(MAX_GET);
      expect((await docs.limit(1000).get()).data).toHaveLength(MAX_GET);
      expect((await docs.skip(100).limit(100).get()).data).toHaveLength(30);
      expect((await docs.limit(5).get()).data).toHaveLength(5);
      expect((await docs.count()).total).toBe(130);
    });

    it('filters with plain values and operators, sorts and projects', async () => {
      await fill('docs', 10);
      const _ = fake.command;
      const docs = fake.collection('docs');

      const inList = await docs.where({ _id: _.in(['d001', 'd004', 'zzz']) }).get();
      const range = await docs
        .where({ n: _.gt(1).and(_.lte(6)), even: true })
        .orderBy('n', 'desc')
        .field({ n: true })
        .get();
      const either = await docs.where(_.or([{ n: _.lt(1) }, { n: _.gte(9) }])).get();

      expect(inList.data.map((d) => d._id)).toEqual(['d001', 'd004']);
      expect(range.data).toEqual([
        { _id: 'd006', n: 6 },
        { _id: 'd004', n: 4 },
        { _id: 'd002', n: 2 },
      ]);
      expect(either.data.map((d) => d.n)).toEqual([0, 9]);
    });

    it('update() and remove() on a query act on every match and say how many', async () => {
      await fill('docs', 6);
      const docs = fake.collection('docs');

      expect((await docs.where({ even: true }).update({ data: { flag: 'x' } })).stats.updated).toBe(3);
      expect((await docs.where({ even: true }).update({ data: { flag: 'x' } })).stats.updated).toBe(0);
      expect((await docs.where({ flag: 'x' }).remove()).stats.removed).toBe(3);
      expect((await docs.count()).total).toBe(3);
    });
  });

  it('copies records in and out', async () => {
    const data = { _id: 'a', list: [1], inner: { v: 1 } };
    await fake.collection('docs').add({ data });
    data.list.push(2);

    const read = (await fake.collection('docs').doc('a').get()).data as typeof data;
    read.inner.v = 99;

    expect(fake.peek('docs')).toEqual([{ _id: 'a', list: [1], inner: { v: 1 } }]);
  });

  it('counts every request by kind until reset', async () => {
    const docs = fake.collection('docs');
    await docs.add({ data: { _id: 'a', n: 1 } });
    await docs.doc('a').set({ data: { n: 2 } });
    await docs.doc('a').update({ data: { n: 3 } });
    await docs.where({ n: 3 }).get();
    await docs.doc('a').get();
    await docs.count();
    await docs.doc('a').remove();
    await expect(docs.doc('a').get()).rejects.toThrow();

    expect({ ...fake.ops }).toEqual({ get: 3, add: 1, set: 1, update: 1, remove: 1, count: 1 });
    expect(fake.ops.total()).toBe(8);

    fake.ops.reset();
    expect(fake.ops.total()).toBe(0);
  });

  it('fails the next request of a kind on demand, then carries on', async () => {
    const docs = fake.collection('docs');
    fake.failNext('set', new Error('quota'));

    await expect(docs.doc('a').set({ data: { n: 1 } })).rejects.toThrow('quota');
    await expect(docs.doc('a').set({ data: { n: 2 } })).resolves.toMatchObject({ stats: { created: 1 } });
    expect(fake.peek('docs')).toEqual([{ _id: 'a', n: 2 }]);
  });

  it('lets beforeOp fail requests selectively', async () => {
    fake.beforeOp = (op, collection) => {
      if (op === 'update' && collection === 'locked') throw new Error('locked');
    };

    await expect(
      fake
        .collection('locked')
        .doc('a')
        .update({ data: { n: 1 } }),
    ).rejects.toThrow('locked');
    await expect(
      fake
        .collection('open')
        .doc('a')
        .update({ data: { n: 1 } }),
    ).resolves.toBeDefined();
  });
});
