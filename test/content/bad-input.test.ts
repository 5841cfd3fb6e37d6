import { contentActions } from '../../backend/content/handlers';
import { dispatch } from '../../backend/core/router';
import type { Stores } from '../../backend/core/stores';
import { contentStore, contextFor } from '../support/content-store';

let store: Stores;
let writes: number;

beforeEach(async () => {
  const base = (await contentStore()).stores;
  writes = 0;
  const counted =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    async (...args: A) => {
      writes++;
      return write(...args);
    };
  store = {
    ...base,
    content: { ...base.content, saveInstallment: counted(base.content.saveInstallment) },
    track: {
      ...base.track,
      applyEvents: counted(base.track.applyEvents),
      adjustCounters: counted(base.track.adjustCounters),
      setCountable: counted(base.track.setCountable),
    },
  };
});
afterEach(() => store.close());

const proto = JSON.parse('{"action":"article.get","input":{"id":"abc","__proto__":{"admin":true}}}');

describe('bad input always gets BAD_REQUEST in plain words, never a crash or a write', () => {
  test.each([
    ['no event', undefined],
    ['null', null],
    ['a string', 'installment.list'],
    ['an array', [{ action: 'installment.list' }]],
    ['no action', { input: {} }],
    ['an unknown action', { action: 'installment.delete', input: {} }],
    ['an action inherited from Object', { action: 'toString' }],
    ['a number as action', { action: 42 }],
    ['an extra top-level field', { action: 'installment.list', openid: 'spoofed' }],
    ['an extra input field', { action: 'installment.get', input: { id: 'esd-01', all: true } }],
    ['a missing id', { action: 'article.get', input: {} }],
    ['a numeric id', { action: 'article.get', input: { id: 123 } }],
    ['a huge id', { action: 'article.get', input: { id: 'a'.repeat(1_000_000) } }],
    ['an id with odd characters', { action: 'article.get', input: { id: '../x' } }],
    ['input as an array', { action: 'installment.get', input: ['esd-01'] }],
    ['a __proto__ key', proto],
    ['deep nesting', { action: 'search', input: { q: { q: { q: { q: 'x' } } } } }],
    ['a huge query', { action: 'search', input: { q: '党'.repeat(100_000) } }],
  ])('%s', async (_label, event) => {
    const res = await dispatch(contentActions, event, contextFor(store));
    expect(res).toEqual({ ok: false, code: 'BAD_REQUEST', message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
    expect(writes).toBe(0);
  });

  test('WeChat’s own userInfo field is accepted', async () => {
    const res = await dispatch(
      contentActions,
      { action: 'installment.list', userInfo: { appId: 'wx1', openId: 'o1' } },
      contextFor(store),
    );
    expect(res.ok).toBe(true);
  });

  test('a failing store is INTERNAL, with a message safe to show and the error logged', async () => {
    const broken: Stores = {
      ...store,
      content: { ...store.content, getArticle: () => Promise.reject(new Error('disk on fire')) },
    };
    const logged: unknown[] = [];
    const res = await dispatch(
      contentActions,
      { action: 'article.get', input: { id: 'abc' } },
      contextFor(broken),
      (e) => logged.push(e),
    );
    expect(res).toEqual({ ok: false, code: 'INTERNAL', message: expect.not.stringContaining('disk') });
    expect(logged).toHaveLength(1);
  });
});
