import { CLOUD_REQUEST_TIMEOUT_MS } from '../../backend/cloud/limits';
import type { ArticleView, Envelope, InstallmentView } from '../../typings/contract';
import { FakeCloudDb } from '../support/fake-cloud-db';

const mockDb = new FakeCloudDb();
jest.mock(
  'wx-server-sdk',
  () => require('../support/wx-server-sdk-mock').wxServerSdkMock(mockDb, () => ({ OPENID: 'o-reader-1' })),
  { virtual: true },
);

// Loaded after the mock is in place.
const { main } = require('../../cloudfunctions/content/src/index') as {
  main: (event: unknown) => Promise<Envelope<unknown>>;
};

describe('the content cloud function', () => {
  test('initialises the SDK for the current environment', () => {
    const { init } = (jest.requireMock('wx-server-sdk') as { default: { init: jest.Mock } }).default;
    expect(init).toHaveBeenCalledWith({ env: expect.any(Symbol), timeout: CLOUD_REQUEST_TIMEOUT_MS });
  });

  test('syncs the bundled content on its first call, then serves it from the database', async () => {
    const res = (await main({ action: 'installment.get', input: { id: 'esd-01' } })) as Envelope<InstallmentView>;
    expect(res.ok && res.data.articles).toHaveLength(6);
    mockDb.ops.reset();
    const id = res.ok ? res.data.articles[0]?.id : undefined;
    const article = (await main({ action: 'article.get', input: { id } })) as Envelope<ArticleView>;
    expect(article.ok && article.data.title).toBe('潮起东方万象新 勇担使命再出发');
    // A warm call reads the article and its counter; it does not sync again.
    expect(mockDb.ops.total()).toBeLessThanOrEqual(2);
    expect(mockDb.ops).toMatchObject({ add: 0, set: 0, update: 0 });
  });

  test('answers bad input with BAD_REQUEST', async () => {
    expect(await main({ action: 'article.get', input: { id: 42 } })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});
