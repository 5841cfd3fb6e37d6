import type { Stores } from '../../backend/core/stores';
import { ARTICLE_STATS, createCloudBaseStores } from '../../backend/storage/cloudbase';
import { FakeCloudDb } from '../support/fake-cloud-db';
import { storeContract } from './contract';
import { installmentWith } from './records';
import { staffStoreContract } from './staff-contract';
import { trackStoreContract } from './track-contract';

const setPvIn = (fake: FakeCloudDb) => async (articleId: string, pv: number) => {
  await fake
    .collection(ARTICLE_STATS)
    .doc(articleId)
    .set({ data: { t: 'article', pv, uv: 0 } });
};

describe('CloudBase store', () => {
  storeContract(async () => {
    const fake = new FakeCloudDb();
    return { stores: createCloudBaseStores(fake), setPv: setPvIn(fake) };
  });
});

describe('CloudBase store: reading analytics', () => {
  trackStoreContract(async () => createCloudBaseStores(new FakeCloudDb()));
});

describe('CloudBase store: staff', () => {
  staffStoreContract(async () => createCloudBaseStores(new FakeCloudDb()));
});

describe('CloudBase store on the database', () => {
  let fake: FakeCloudDb;
  let stores: Stores;
  let store: Stores['content'];

  beforeEach(() => {
    fake = new FakeCloudDb();
    stores = createCloudBaseStores(fake);
    store = stores.content;
  });

  const saveAll = async (...list: Array<[id: string, number: number, count: number]>) => {
    for (const [id, number, count] of list) {
      const s = installmentWith(id, number, count);
      await store.saveInstallment(s.installment, s.articles);
    }
  };

  it('keys records by their own ids and keeps installment id and position on articles', async () => {
    await saveAll(['i1', 1, 2]);

    expect(fake.peek('installments').map((d) => d._id)).toEqual(['i1']);
    expect(fake.peek('installments')[0]).not.toHaveProperty('id');
    expect(fake.peek('articles')).toEqual([
      expect.objectContaining({ _id: 'i1-01', installmentId: 'i1', position: 1 }),
      expect.objectContaining({ _id: 'i1-02', installmentId: 'i1', position: 2 }),
    ]);
  });

  it('keeps a publishedAt that staff set on the record when content is synced again', async () => {
    await saveAll(['i1', 1, 1]);
    await fake
      .collection('installments')
      .doc('i1')
      .update({ data: { publishedAt: '2022-10-30' } });

    const next = installmentWith('i1', 1, 1, 'r2');
    await store.saveInstallment(next.installment, next.articles);

    expect(await store.getInstallment('i1')).toEqual({ ...next.installment, publishedAt: '2022-10-30' });
  });

  it('saves with one read, one write per article, one bulk remove and one installment write', async () => {
    const s = installmentWith('i1', 1, 12);
    await store.saveInstallment(s.installment, s.articles);
    expect({ ...fake.ops }).toEqual({ get: 1, add: 0, set: 13, update: 0, remove: 1, count: 0 });
  });

  it('makes speeches countable with one read and a zeroed counter record each, later with one update', async () => {
    const speeches = installmentWith('i1', 1, 12).articles.map((a) => ({ id: a.id, readingMinutes: 3 }));
    await stores.track.setCountable(speeches, true);
    expect({ ...fake.ops }).toEqual({ get: 1, add: 12, set: 0, update: 0, remove: 0, count: 0 });
    expect(fake.peek(ARTICLE_STATS)[0]).toMatchObject({ t: 'article', on: true, m: 3, pv: 0, d: {} });

    fake.ops.reset();
    await stores.track.setCountable(speeches, false);
    expect({ ...fake.ops }).toEqual({ get: 1, add: 0, set: 0, update: 1, remove: 0, count: 0 });
    expect(await stores.track.countable(speeches.map((a) => a.id))).toEqual(new Map());
  });

  it('creates each speech’s counters zeroed, keeps counts already made, and takes a lost add answer as done', async () => {
    const speeches = installmentWith('i1', 1, 3).articles.map((a) => ({ id: a.id, readingMinutes: 2 }));
    const [first, second] = speeches.map((a) => a.id);
    await fake
      .collection(ARTICLE_STATS)
      .add({ data: { _id: first as string, t: 'article', pv: 5, uv: 0, anonPv: 0, anonUv: 0, d: {} } });
    // The add of the second one's counters is applied but its answer is lost.
    fake.failNextAfterApply('add');
    await stores.track.setCountable(speeches, true);
    const stats = fake.peek(ARTICLE_STATS);
    expect(stats).toHaveLength(3);
    expect(stats.find((d) => d._id === first)).toMatchObject({ pv: 5, on: true, m: 2 });
    expect(stats.find((d) => d._id === second)).toMatchObject({
      t: 'article',
      on: true,
      pv: 0,
      uv: 0,
      anonPv: 0,
      d: {},
    });
    expect(await stores.track.readCounts(speeches.map((a) => a.id))).toEqual(
      new Map(speeches.map((a) => [a.id, a.id === first ? 5 : 0])),
    );
  });

  it('leaves the old revision in place when an article write fails, so the next sync retries', async () => {
    await saveAll(['i1', 1, 3]);
    const next = installmentWith('i1', 1, 3, 'r2');
    fake.failNext('set', new Error('network down'));

    await expect(store.saveInstallment(next.installment, next.articles)).rejects.toThrow('network down');

    expect(await store.installmentRevisions()).toEqual(new Map([['i1', 'r1']]));
  });

  it('reads one missing record with a single request and no rejection', async () => {
    fake.ops.reset();

    await expect(store.getInstallment('nope')).resolves.toBeNull();
    await expect(store.getArticle('nope')).resolves.toBeNull();
    expect(fake.ops.total()).toBe(2);
  });

  it('pages through articles 40 at a time, so that whole speeches never near 1 MB in one answer', async () => {
    await saveAll(['i1', 1, 45], ['i2', 2, 45], ['i3', 3, 45]);
    fake.ops.reset();

    expect(await store.listArticles()).toHaveLength(135);
    expect(fake.ops.get).toBe(4);
    expect(fake.ops.total()).toBe(4);
  });

  it('makes one more request when the last page is exactly full', async () => {
    await saveAll(['i1', 1, 40], ['i2', 2, 40]);
    fake.ops.reset();

    expect(await store.listArticles()).toHaveLength(80);
    expect(fake.ops.get).toBe(3);
  });

  it('reads counts 100 ids a request, and makes no request for no ids', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `x${i}`);
    await setPvIn(fake)('x249', 7);
    fake.ops.reset();

    const counts = await stores.track.readCounts(ids);
    expect(counts.get('x249')).toBe(7);
    expect(fake.ops.get).toBe(3);

    fake.ops.reset();
    await stores.track.readCounts([]);
    expect(fake.ops.total()).toBe(0);
  });
});
