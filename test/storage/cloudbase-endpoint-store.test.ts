import { cloudMain, identityFromWXContext } from '../../backend/cloud/entry';
import { loadCatalog } from '../../backend/content/catalog';
import { toRecords } from '../../backend/content/records';
import { revisionOf, syncInstallments } from '../../backend/content/sync';
import { CLIENT_SOURCE } from '../../backend/core/context';
import { LOCAL_READER_SECRET } from '../../backend/core/reader-key';
import type { Stores } from '../../backend/core/stores';
import { createCloudBaseStores } from '../../backend/storage/cloudbase';
import { trackActions } from '../../backend/track/handlers';
import type { Envelope } from '../../typings/contract';
import {
  ACTIONS,
  applyEnv,
  type CloudBaseEndpoint,
  setWXContext,
  startCloudBaseEndpoint,
} from '../support/cloudbase-endpoint';
import { A, data, drift, readInput } from '../track/support';

/** The CloudBase adapter on the real SDK, end to end: content saved and read back, one read counted. */
describe('the CloudBase store on the local endpoint', () => {
  let endpoint: CloudBaseEndpoint;
  let store: Stores;

  beforeAll(async () => {
    endpoint = await startCloudBaseEndpoint();
  });
  afterAll(() => endpoint.close());
  beforeEach(() => {
    endpoint.reset();
    store = createCloudBaseStores(endpoint.database());
  });

  it('saves the curated installment and reads it back; a second sync only reads', async () => {
    const [file] = loadCatalog();
    if (file === undefined) throw new Error('the catalog is empty');
    const { installment, articles } = toRecords(file, revisionOf(file));

    expect(await syncInstallments(store, loadCatalog())).toEqual([installment.id]);
    expect(await store.content.getInstallment(installment.id)).toEqual(installment);
    expect(await store.content.listInstallments()).toEqual([installment]);
    expect(await store.content.listArticles()).toEqual(articles);
    for (const article of articles) expect(await store.content.getArticle(article.id)).toEqual(article);
    expect(await store.track.readCounts(articles.map((a) => a.id))).toEqual(new Map(articles.map((a) => [a.id, 0])));

    endpoint.requests.clear();
    expect(await syncInstallments(store, loadCatalog())).toEqual([]);
    expect(endpoint.requests.byAction()).toEqual({ [ACTIONS.get]: 1 });
  });

  it('counts a read sent to the track function, as getWXContext() names the reader, in 3 requests', async () => {
    await syncInstallments(store, loadCatalog());
    const main = cloudMain({
      name: 'track',
      actions: trackActions,
      stores: store,
      identity: () => identityFromWXContext(endpoint.cloud.getWXContext()),
      env: { READER_HASH_SECRET: LOCAL_READER_SECRET },
    });
    const restore = setWXContext({ OPENID: 'o-endpoint-reader', SOURCE: CLIENT_SOURCE });
    try {
      endpoint.requests.clear();
      const res = (await main({ action: 'read', input: readInput(A) })) as Envelope<{ counted: boolean }>;
      expect(data(res)).toMatchObject({ counted: true, readCount: 1 });
      // The snapshot get, the new reader's add, the counters' update.
      expect(endpoint.requests.byAction()).toEqual({ [ACTIONS.get]: 1, [ACTIONS.add]: 1, [ACTIONS.modify]: 1 });
    } finally {
      restore();
    }
    expect((await store.track.readCounts([A])).get(A)).toBe(1);
    expect(await drift(store.track)).toEqual([]);
  });

  it('serves the track function as deployed: its own entry, the default SDK instance, DYNAMIC_CURRENT_ENV', async () => {
    await syncInstallments(store, loadCatalog());
    const restoreEnv = applyEnv({ ...endpoint.functionEnv(), READER_HASH_SECRET: LOCAL_READER_SECRET });
    const restoreContext = setWXContext({ OPENID: 'o-deployed-reader', SOURCE: CLIENT_SOURCE });
    try {
      let main: ((event: unknown) => Promise<unknown>) | undefined;
      // A registry of its own: a fresh default instance of wx-server-sdk, initialised by the entry as it loads.
      jest.isolateModules(() => {
        ({ main } = require('../../cloudfunctions/track/src/index') as { main: typeof main });
      });
      if (main === undefined) throw new Error('the track entry exports no main');
      endpoint.requests.clear();
      const res = (await main({ action: 'read', input: readInput(A) })) as Envelope<{ counted: boolean }>;
      expect(data(res)).toMatchObject({ counted: true, readCount: 1 });
      expect(endpoint.requests.count()).toBe(3);
    } finally {
      restoreContext();
      restoreEnv();
    }
  });
});
