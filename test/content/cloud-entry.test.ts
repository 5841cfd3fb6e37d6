import type cloud from 'wx-server-sdk';
import { CLOUD_REQUEST_TIMEOUT_MS } from '../../backend/cloud/limits';
import type { ArticleView, Envelope, InstallmentView } from '../../typings/contract';
import { applyEnv, type CloudBaseEndpoint, setWXContext, WRITE_OPS } from '../support/cloudbase-endpoint';
import { freshEndpoint } from '../support/file-endpoint';

/**
 * The unmodified entry `cloudfunctions/content/src/index.ts` on wx-server-sdk's default instance, sent to the local
 * endpoint by its functionEnv() as a deployed function is sent to its environment.
 */
type Main = (event: unknown) => Promise<Envelope<unknown>>;

describe('the content cloud function', () => {
  let endpoint: CloudBaseEndpoint;
  let main: Main;
  let init: jest.SpyInstance;
  let sdk: typeof cloud;
  const restore: Array<() => void> = [];

  beforeAll(async () => {
    endpoint = await freshEndpoint();
    restore.push(applyEnv(endpoint.functionEnv()), setWXContext({ OPENID: 'o-reader-1', SOURCE: 'wx_client' }));
    jest.isolateModules(() => {
      // The entry's own (fresh) default instance: the one it initialises as it loads.
      sdk = require('wx-server-sdk') as typeof cloud;
      init = jest.spyOn(sdk, 'init');
      ({ main } = require('../../cloudfunctions/content/src/index') as { main: Main });
    });
  });
  afterAll(() => {
    for (const undo of restore.reverse()) undo();
    init.mockRestore();
  });

  test('initialises the SDK for the current environment', () => {
    expect(init).toHaveBeenCalledWith({ env: sdk.DYNAMIC_CURRENT_ENV, timeout: CLOUD_REQUEST_TIMEOUT_MS });
  });

  test('syncs the bundled content on its first call, then serves it from the database', async () => {
    const res = (await main({ action: 'installment.get', input: { id: 'esd-01' } })) as Envelope<InstallmentView>;
    expect(res.ok && res.data.articles).toHaveLength(6);
    // The sync wrote the content, in requests naming the function's environment (the endpoint refuses others).
    expect(endpoint.requests.count({ op: 'set' })).toBeGreaterThan(0);
    expect(endpoint.requests.entries.filter((r) => r.op === undefined)).toEqual([]);
    endpoint.requests.clear();
    const id = res.ok ? res.data.articles[0]?.id : undefined;
    const article = (await main({ action: 'article.get', input: { id } })) as Envelope<ArticleView>;
    expect(article.ok && article.data.title).toBe('潮起东方万象新 勇担使命再出发');
    // A warm call reads the article and its counter; it does not sync again.
    expect(endpoint.requests.count()).toBeLessThanOrEqual(2);
    for (const op of WRITE_OPS) expect(endpoint.requests.count({ op })).toBe(0);
  });

  test('answers bad input with BAD_REQUEST', async () => {
    expect(await main({ action: 'article.get', input: { id: 42 } })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});
