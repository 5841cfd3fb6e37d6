import type { Stores } from '../../backend/core/stores';
import { ARTICLE_STATS, createCloudBaseStores } from '../../backend/storage/cloudbase';
import type { CloudBaseEndpoint } from '../support/cloudbase-endpoint';
import { freshEndpoint } from '../support/file-endpoint';
import { storeContract } from './contract';
import { installmentWith } from './records';
import { staffStoreContract } from './staff-contract';
import { statsStoreContract } from './stats-contract';
import { trackStoreContract } from './track-contract';

/**
 * The CloudBase adapter through the real wx-server-sdk, against the file's local endpoint (emptied for each test):
 * the contract every adapter keeps, then what is particular to this one (records, requests, lost answers).
 */

/** A counter record with that read count, put straight into the collection (no request). */
const setPvIn = (endpoint: CloudBaseEndpoint) => async (articleId: string, pv: number) => {
  endpoint.seed(ARTICLE_STATS, [{ _id: articleId, t: 'article', pv, uv: 0 }]);
};

const freshStores = async () => createCloudBaseStores((await freshEndpoint()).database());

describe('CloudBase store', () => {
  storeContract(async () => {
    const endpoint = await freshEndpoint();
    return { stores: createCloudBaseStores(endpoint.database()), setPv: setPvIn(endpoint) };
  });
});

describe('CloudBase store: reading analytics', () => {
  trackStoreContract(freshStores);
});

describe('CloudBase store: statistics', () => {
  statsStoreContract(freshStores);
});

describe('CloudBase store: staff', () => {
  staffStoreContract(freshStores);
});

describe('CloudBase store on the database', () => {
  let endpoint: CloudBaseEndpoint;
  let stores: Stores;
  let store: Stores['content'];

  beforeEach(async () => {
    endpoint = await freshEndpoint();
    stores = createCloudBaseStores(endpoint.database());
    store = stores.content;
  });

  const ops = () => endpoint.requests.byOp();

  const saveAll = async (...list: Array<[id: string, number: number, count: number]>) => {
    for (const [id, number, count] of list) {
      const s = installmentWith(id, number, count);
      await store.saveInstallment(s.installment, s.articles);
    }
  };

  it('keys records by their own ids and keeps installment id and position on articles', async () => {
    await saveAll(['i1', 1, 2]);

    expect(endpoint.peek('installments').map((d) => d._id)).toEqual(['i1']);
    expect(endpoint.peek('installments')[0]).not.toHaveProperty('id');
    expect(endpoint.peek('articles')).toEqual([
      expect.objectContaining({ _id: 'i1-01', installmentId: 'i1', position: 1 }),
      expect.objectContaining({ _id: 'i1-02', installmentId: 'i1', position: 2 }),
    ]);
  });

  it('keeps a publishedAt that staff set on the record when content is synced again', async () => {
    await saveAll(['i1', 1, 1]);
    await endpoint
      .database()
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
    expect(ops()).toEqual({ get: 1, add: 0, set: 13, update: 0, remove: 1, count: 0 });
  });

  it('makes speeches countable with one read and a zeroed counter record each, later with one update', async () => {
    const speeches = installmentWith('i1', 1, 12).articles.map((a) => ({ id: a.id, readingMinutes: 3 }));
    await stores.track.setCountable(speeches, true);
    expect(ops()).toEqual({ get: 1, add: 12, set: 0, update: 0, remove: 0, count: 0 });
    expect(endpoint.peek(ARTICLE_STATS)[0]).toMatchObject({ t: 'article', on: true, m: 3, pv: 0, d: {} });

    endpoint.requests.clear();
    await stores.track.setCountable(speeches, false);
    expect(ops()).toEqual({ get: 1, add: 0, set: 0, update: 1, remove: 0, count: 0 });
    expect(await stores.track.countable(speeches.map((a) => a.id))).toEqual(new Map());
  });

  it('creates each speech’s counters zeroed, keeps counts already made, and takes a lost add answer as done', async () => {
    const speeches = installmentWith('i1', 1, 3).articles.map((a) => ({ id: a.id, readingMinutes: 2 }));
    const [first, second] = speeches.map((a) => a.id);
    endpoint.seed(ARTICLE_STATS, [{ _id: first as string, t: 'article', pv: 5, uv: 0, anonPv: 0, anonUv: 0, d: {} }]);
    // The add of the second one's counters is applied but its answer is lost.
    const lost = endpoint.faults.next({ op: 'add', kind: 'lostReply' });
    await stores.track.setCountable(speeches, true);
    expect(lost.hits).toBe(1);
    const stats = endpoint.peek(ARTICLE_STATS);
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
    endpoint.faults.next({ op: 'set', kind: 'error', message: 'network down' });

    await expect(store.saveInstallment(next.installment, next.articles)).rejects.toMatchObject({
      errMsg: expect.stringContaining('network down'),
    });

    expect(await store.installmentRevisions()).toEqual(new Map([['i1', 'r1']]));
  });

  it('reads one missing record with a single request and no rejection', async () => {
    endpoint.requests.clear();

    await expect(store.getInstallment('nope')).resolves.toBeNull();
    await expect(store.getArticle('nope')).resolves.toBeNull();
    expect(endpoint.requests.count()).toBe(2);
  });

  it('pages through articles 40 at a time, so that whole speeches never near 1 MB in one answer', async () => {
    await saveAll(['i1', 1, 45], ['i2', 2, 45], ['i3', 3, 45]);
    endpoint.requests.clear();

    expect(await store.listArticles()).toHaveLength(135);
    expect(ops().get).toBe(4);
    expect(endpoint.requests.count()).toBe(4);
  });

  it('makes one more request when the last page is exactly full', async () => {
    await saveAll(['i1', 1, 40], ['i2', 2, 40]);
    endpoint.requests.clear();

    expect(await store.listArticles()).toHaveLength(80);
    expect(ops().get).toBe(3);
  });

  it('reads counts 100 ids a request, and makes no request for no ids', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `x${i}`);
    await setPvIn(endpoint)('x249', 7);
    endpoint.requests.clear();

    const counts = await stores.track.readCounts(ids);
    expect(counts.get('x249')).toBe(7);
    expect(ops().get).toBe(3);

    endpoint.requests.clear();
    await stores.track.readCounts([]);
    expect(endpoint.requests.count()).toBe(0);
  });
});
