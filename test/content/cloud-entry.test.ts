import type { ArticleView, Envelope, InstallmentView } from '../../typings/contract';
import { FakeCloudDb } from '../support/fake-cloud-db';

// The real wx-server-sdk must never load in tests: without a cloud environment it raises
// unhandled rejections that kill Node. This stands in for the few calls the entry makes.
const fakeDb = new FakeCloudDb();
const wxContext = { OPENID: 'o-reader-1' as string | undefined };
const init = jest.fn();
jest.mock(
  'wx-server-sdk',
  () => ({
    __esModule: true,
    default: {
      DYNAMIC_CURRENT_ENV: Symbol('current env'),
      init: (...args: unknown[]) => init(...args),
      database: () => fakeDb,
      getWXContext: () => wxContext,
    },
  }),
  { virtual: true },
);

// Loaded after the mock is in place.
const { main } = require('../../cloudfunctions/content/src/index') as {
  main: (event: unknown) => Promise<Envelope<unknown>>;
};

describe('the content cloud function', () => {
  test('initialises the SDK for the current environment', () => {
    expect(init).toHaveBeenCalledWith({ env: expect.any(Symbol) });
  });

  test('syncs the bundled content on its first call, then serves it from the database', async () => {
    const res = (await main({ action: 'installment.get', input: { id: 'esd-01' } })) as Envelope<InstallmentView>;
    expect(res.ok && res.data.articles).toHaveLength(6);
    fakeDb.ops.reset();
    const id = res.ok ? res.data.articles[0]?.id : undefined;
    const article = (await main({ action: 'article.get', input: { id } })) as Envelope<ArticleView>;
    expect(article.ok && article.data.title).toBe('潮起东方万象新 勇担使命再出发');
    // A warm call reads the article and its counter; it does not sync again.
    expect(fakeDb.ops.total()).toBeLessThanOrEqual(2);
    expect(fakeDb.ops).toMatchObject({ add: 0, set: 0, update: 0 });
  });

  test('answers bad input with BAD_REQUEST', async () => {
    expect(await main({ action: 'article.get', input: { id: 42 } })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});
