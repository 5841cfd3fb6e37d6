import { dayOf } from '../../backend/track/day';
import { targetOf } from '../../miniprogram/utils/entry';
import { call, freshApp } from './support/app';
import { contentCloud, networkDown } from './support/cloud';
import { wxStub } from './support/runtime';

beforeEach(() => wxStub.reset());

async function totalsOf(cloud: Awaited<ReturnType<typeof contentCloud>>, articleId: string) {
  const snapshot = await cloud.stores.track.reconcileSnapshot({ from: null, to: dayOf(Date.now()) });
  return snapshot.totals.get(articleId);
}

const queryOf = (path: string): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(path.split('?')[1] ?? '').entries());

describe('reads as the server counts them', () => {
  test('a chat card read is counted once; a share brings a second reader, counted as share-driven', async () => {
    const cloud = await contentCloud({ openid: 'reader-a' });
    wxStub.cloud = cloud.handler;
    const id = (await cloud.stores.content.getInstallment('esd-01'))?.articles[3]?.id as string;

    const a = freshApp();
    // App.onShow asks who the reader is: the answer carries the start of their own share ids.
    await a.launch();
    a.stores.entry.update({ scene: 1007, chatType: 3, apiCategory: 'default', query: { id } });
    const first = await a.open('article', { id });
    expect(first.text()).toContain('阅读 1');
    const again = await freshApp().open('article', { id });
    expect(again.text()).toContain('阅读 1');

    const share = call<{ path: string }>(first.page, 'onShareAppMessage');
    await a.settle();
    const query = queryOf(share.path);
    const prefix = a.stores.identity.sharePrefix as string;
    expect(prefix).toHaveLength(4);
    expect(targetOf(query)).toEqual({ articleId: id, ch: 'chat', s: expect.stringMatching(/^[A-Za-z0-9_-]{8}$/) });
    expect(query.s?.startsWith(prefix)).toBe(true);

    // Reader B, on another phone, taps the card A shared.
    wxStub.storage.clear();
    cloud.actAs('reader-b');
    const b = freshApp();
    b.stores.entry.update({ scene: 1007, chatType: 1, apiCategory: 'default', query });
    const opened = await b.open('article', query);
    expect(opened.text()).toContain('阅读 2');
    expect(await totalsOf(cloud, id)).toMatchObject({ pv: 2, uv: 2, shares: 1, shareReads: 1 });
  });

  test('when article.get serves the text but the busy database could not take the read, the read is sent again', async () => {
    const cloud = await contentCloud({ openid: 'reader-a' });
    const id = (await cloud.stores.content.getInstallment('esd-01'))?.articles[1]?.id as string;
    // The server's answer while another process holds the write lock: the text without a count, and read UNAVAILABLE.
    wxStub.cloud = async (request) => {
      const data = request.data as { action: string; input: { read?: { eventId: string } } };
      if (data.action !== 'article.get' || !data.input.read) return cloud.handler(request);
      const { read, ...input } = data.input;
      const res = (await cloud.handler({ ...request, data: { ...data, input } })) as { ok: true; data: object };
      const unavailable = { eventId: read.eventId, ok: false, code: 'UNAVAILABLE' };
      return { ok: true, data: { ...res.data, readCount: null, read: unavailable } };
    };
    const app = freshApp();
    const opened = await app.open('article', { id });
    expect(opened.text()).toContain((await cloud.stores.content.getArticle(id))?.title);
    // No count rather than a wrong one.
    expect(opened.text()).not.toContain('阅读');
    await app.settle();
    expect(cloud.calls.map((c) => `${c.name}/${(c.data as { action: string }).action}`)).toEqual([
      'content/article.get',
      'track/batch',
    ]);
    expect(app.stores.queue.pending()).toEqual([]);
    expect(await totalsOf(cloud, id)).toMatchObject({ pv: 1, uv: 1 });
  });

  test('offline, a cached speech still opens; its read is queued and delivered once the network returns', async () => {
    let now = Date.parse('2026-11-27T08:00:00Z');
    const cloud = await contentCloud({ openid: 'reader-a', now: () => new Date(now) });
    wxStub.cloud = cloud.handler;
    const id = (await cloud.stores.content.getInstallment('esd-01'))?.articles[0]?.id as string;
    await freshApp().open('article', { id });

    now += 31 * 60_000;
    wxStub.cloud = networkDown;
    wxStub.networkType = 'none';
    const offline = freshApp();
    const opened = await offline.open('article', { id });
    expect(opened.text()).toContain('离线内容');
    expect(opened.text()).toContain('思想之旗领航向');
    expect(offline.stores.queue.pending().map((e) => e.type)).toContain('read');

    // The app is restarted with the network back: the queue delivers what it kept.
    wxStub.cloud = cloud.handler;
    wxStub.networkType = 'wifi';
    const online = freshApp();
    online.stores.queue.wake();
    await online.settle();
    expect(online.stores.queue.pending()).toEqual([]);
    online.stores.queue.wake();
    await online.settle();
    expect(await totalsOf(cloud, id)).toMatchObject({ pv: 2, uv: 1 });
  });
});
