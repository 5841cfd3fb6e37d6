import type { ContentStore } from '../../backend/content/port';
import { call, freshApp, type PageComponent, tapButton } from './support/app';
import { contentCloud, networkDown } from './support/cloud';
import { wxMock, wxStub } from './support/runtime';

let store: ContentStore;
let ids: string[];

beforeEach(async () => {
  wxStub.reset();
  const cloud = await contentCloud();
  wxStub.cloud = cloud.handler;
  store = cloud.stores.content;
  ids = (await store.getInstallment('esd-01'))?.articles.map((a) => a.id) ?? [];
});

const articleIdAt = (i: number) => ids[i] as string;

describe('the article page', () => {
  test('renders headings, bold leads and paragraphs from the typed blocks', async () => {
    const { page, text } = await freshApp().open('article', { id: articleIdAt(4) });
    expect(page.querySelector('.title')?.dom?.textContent?.replace('\n', '')).toBe(
      '切实把学习成果转化为推动主流媒体深度融合的自觉行动',
    );
    expect(text()).toContain('市融媒体中心党组书记、主任');
    expect(page.querySelectorAll('.heading').map((h) => h.dom?.textContent)).toContain(
      '1、深化学习，以全面学习贯彻党的二十大精神为首要任务，统筹开展中心各项工作',
    );
    expect(page.querySelectorAll('.lead').map((l) => l.dom?.textContent)).toContain('全面学习常态化。');
    expect(page.querySelectorAll('.para').length).toBeGreaterThan(10);
    expect(page.querySelector('.truncated')).toBeFalsy();
    // The opening itself was counted, and the page shows the count the server returned.
    expect(text()).toContain('阅读 1');
  });

  test('an incomplete speech says 原版面未刊完 where it breaks off and at its end, and nothing else', async () => {
    const { page, text } = await freshApp().open('article', { id: articleIdAt(2) });
    expect(page.querySelector('.truncated')?.dom?.textContent).toContain('原版面未刊完');
    const cuts = page.querySelectorAll('.cut').map((c) => c.dom?.textContent);
    expect(cuts).toEqual(['……（原版面未刊完）', '……（原版面未刊完）']);
    expect(text()).not.toMatch(/版面节选|不完整|摘登，原版面至此/);
  });

  test('costs one cloud call to open: the article with its read, or only the read when cached', async () => {
    await freshApp().open('article', { id: articleIdAt(0) });
    expect(wxMock.cloud.callFunction.mock.calls.map(([r]) => `${r.name}/${r.data.action}`)).toEqual([
      'content/article.get',
    ]);
    wxMock.cloud.callFunction.mockClear();
    const { text } = await freshApp().open('article', { id: articleIdAt(0) });
    expect(wxMock.cloud.callFunction.mock.calls.map(([r]) => `${r.name}/${r.data.action}`)).toEqual(['track/read']);
    expect(text()).toContain('潮起东方万象新');
  });

  test('first render takes at most two setData calls and 32 KB', async () => {
    const { setDataCalls } = await freshApp().open('article', { id: articleIdAt(4) });
    const load = setDataCalls.filter((c) => !c.keys.includes('fontLabels'));
    expect(load.length).toBeLessThanOrEqual(2);
    expect(load.reduce((n, c) => n + c.bytes, 0)).toBeLessThan(32 * 1024);
  });

  test('offline, a speech opened before still opens, marked as offline content', async () => {
    await freshApp().open('article', { id: articleIdAt(2) });
    wxStub.cloud = networkDown;
    wxStub.networkType = 'none';
    const { text } = await freshApp().open('article', { id: articleIdAt(2) });
    expect(text()).toContain('扬鞭策马征程急');
    expect(text()).toContain('离线内容');
  });

  test('offline, a speech never opened says it is not saved yet and links to the saved ones', async () => {
    await freshApp().open('article', { id: articleIdAt(2) });
    wxStub.cloud = networkDown;
    wxStub.networkType = 'none';
    const app = freshApp();
    const { page, text } = await app.open('article', { id: articleIdAt(3) });
    expect(text()).toContain('这篇还没有保存到手机，联网后打开一次即可离线阅读');
    const saved = page.querySelectorAll('.saved-item');
    expect(saved).toHaveLength(1);
    expect(saved[0]?.dom?.textContent).toContain('扬鞭策马征程急');
    saved[0]?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/pages/article/index?id=${articleIdAt(2)}` }),
    );
  });

  test('a speech that could not load offline opens by itself when the network returns', async () => {
    const cloud = await contentCloud();
    wxStub.cloud = networkDown;
    wxStub.networkType = 'none';
    const app = freshApp();
    const { page, text } = await app.open('article', { id: articleIdAt(3) });
    expect(page.querySelectorAll('.para')).toHaveLength(0);
    wxStub.cloud = cloud.handler;
    wxStub.setOnline(true);
    await app.settle();
    expect(page.querySelectorAll('.para').length).toBeGreaterThan(0);
    expect(text()).not.toContain('网络不太好');
  });

  test('in 朋友圈 single-page mode the end of the speech says the other speeches are one tap away', async () => {
    wxStub.cloud = (await contentCloud({ openid: null })).handler;
    const app = freshApp();
    app.stores.entry.update({ scene: 1154, apiCategory: 'browseOnly', query: {} });
    const { page, text } = await app.open('article', { id: articleIdAt(1) });
    expect(page.querySelector('.pager')).toBeFalsy();
    expect(page.querySelector('.single-page-note')?.dom?.textContent).toContain('前往小程序');
    expect(text()).toContain('本期其他发言');
  });

  test('a cloud error shows a friendly message and a retry', async () => {
    wxStub.cloud = networkDown;
    const { page, text } = await freshApp().open('article', { id: articleIdAt(3) });
    expect(text()).toContain('网络不太好');
    expect(page.querySelector('.retry')).toBeTruthy();
    const cloud = await contentCloud();
    wxStub.cloud = cloud.handler;
    tapButton(page, '.retry');
    await new Promise((r) => setTimeout(r, 30));
    expect(page.querySelectorAll('.para').length).toBeGreaterThan(0);
  });

  test('a link that names no speech says so instead of loading forever, and offers the speeches', async () => {
    const app = freshApp();
    const { page, text } = await app.open('article', {});
    await app.settle();
    expect(text()).toContain('链接不完整');
    expect(page.querySelectorAll('.missing-item')).toHaveLength(6);
  });

  test('an old link to a speech that is gone offers the installment’s speeches, not a pointless 重新加载', async () => {
    const app = freshApp();
    const { page, text } = await app.open('article', { id: 'zzzzzz' });
    await app.settle();
    expect(text()).toContain('这篇文章不存在或已下线');
    expect(page.querySelector('.retry')).toBeFalsy();
    const listed = page.querySelectorAll('.missing-item');
    expect(listed).toHaveLength(6);
    expect(text()).toContain('潮起东方万象新 勇担使命再出发');
    listed[1]?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/pages/article/index?id=${articleIdAt(1)}` }),
    );
  });
});

describe('leaving and coming back', () => {
  test('leaving before the speech has loaded starts no timer and scrolls nothing', async () => {
    await freshApp().open('article', { id: articleIdAt(2) });
    call((await freshApp().open('article', { id: articleIdAt(2) })).page, 'onPageScroll', { scrollTop: 900 });
    const intervals = jest.spyOn(global, 'setInterval');
    wxMock.pageScrollTo.mockClear();
    const app = freshApp();
    const { page } = app.mount('article');
    const loading = call<Promise<void>>(page, 'onLoad', { id: articleIdAt(2) });
    call(page, 'onUnload');
    await loading;
    await app.settle();
    expect(intervals).not.toHaveBeenCalled();
    expect(wxMock.pageScrollTo).not.toHaveBeenCalled();
    intervals.mockRestore();
  });

  test('a cached speech older than half a day is fetched again, with its read', async () => {
    await freshApp().open('article', { id: articleIdAt(0) });
    const key = [...wxStub.storage.keys()].find((k) => k.endsWith(`article.${articleIdAt(0)}`)) as string;
    const stamped = wxStub.storage.get(key) as { savedAt: number };
    wxStub.storage.set(key, { ...stamped, savedAt: stamped.savedAt - 13 * 60 * 60 * 1000 });
    wxMock.cloud.callFunction.mockClear();
    await freshApp().open('article', { id: articleIdAt(0) });
    const opening = wxMock.cloud.callFunction.mock.calls
      .map(([r]) => `${r.name}/${r.data.action}`)
      .filter((name) => name !== 'track/batch');
    expect(opening).toEqual(['content/article.get']);
  });
});

describe('font size and care mode', () => {
  test('a step applies to body and titles and is remembered across launches', async () => {
    const app = freshApp();
    const { page } = await app.open('article', { id: articleIdAt(0) });
    expect(page.querySelector('.fs-0')).toBeTruthy();
    page.querySelectorAll('.font-step')[2]?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.fs-2')).toBeTruthy();
    expect(page.querySelector('.fs-0')).toBeFalsy();

    const relaunched = await freshApp().open('article', { id: articleIdAt(0) });
    expect(relaunched.page.querySelector('.fs-2')).toBeTruthy();
    expect(relaunched.page.querySelector('.font-step-on')?.dom?.textContent).toBe('特大');
  });

  test('turning on WeChat’s 关怀模式 later still applies, over the reader’s saved size', async () => {
    const app = freshApp();
    const { page } = await app.open('article', { id: articleIdAt(0) });
    page.querySelectorAll('.font-step')[1]?.dispatchEvent('tap');
    await app.settle();
    wxStub.baseInfo = { theme: 'light', fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 };
    const relaunched = await freshApp().open('article', { id: articleIdAt(0) });
    expect(relaunched.page.querySelector('.care')).toBeTruthy();
    expect(relaunched.page.querySelector('.fs-2')).toBeTruthy();
  });

  test('WeChat’s large system font turns care mode on at 特大, and the page says what care mode does', async () => {
    wxStub.baseInfo = { theme: 'light', fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 };
    const { page, text } = await freshApp().open('article', { id: articleIdAt(0) });
    expect(page.querySelector('.care')).toBeTruthy();
    expect(page.querySelector('.fs-2')).toBeTruthy();
    expect(text()).toContain('关怀模式已开：文字更大，颜色更深，按钮更大');
  });

  test('with 关怀模式 on, tapping 标准 or 大 gives that size', async () => {
    wxStub.baseInfo = { theme: 'light', fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 };
    const app = freshApp();
    const { page } = await app.open('article', { id: articleIdAt(0) });
    page.querySelectorAll('.font-step')[0]?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.fs-0')).toBeTruthy();
    expect(page.querySelector('.font-step-on')?.dom?.textContent).toBe('标准');
    page.querySelectorAll('.font-step')[1]?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.fs-1')).toBeTruthy();
    expect(page.querySelector('.care')).toBeTruthy();
  });

  test('with WeChat’s care mode on, the reader’s 关怀模式 off and 标准 survive returns from the background and relaunches', async () => {
    wxStub.baseInfo = { theme: 'light', fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 };
    const app = freshApp();
    await app.launch();
    const { page } = await app.open('article', { id: articleIdAt(0) });
    page.querySelector('.care-toggle')?.dispatchEvent('tap');
    await app.settle();
    page.querySelectorAll('.font-step')[0]?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.fs-0')).toBeTruthy();
    expect(page.querySelector('.care')).toBeFalsy();
    // Back from the background: what App.onShow does again.
    require('../../miniprogram/services/system').forgetSystemFacts();
    app.stores.settings.followSystem();
    await app.settle();
    expect(page.querySelector('.fs-0')).toBeTruthy();
    expect(page.querySelector('.care')).toBeFalsy();
    const relaunched = await freshApp().open('article', { id: articleIdAt(0) });
    expect(relaunched.page.querySelector('.fs-0')).toBeTruthy();
    expect(relaunched.page.querySelector('.care')).toBeFalsy();
  });

  test('WeChat’s font 大 (20 px) opens the speech one step up, at 大', async () => {
    wxStub.baseInfo = { theme: 'light', fontSizeSetting: 20, fontSizeScaleFactor: 1.18 };
    const { page } = await freshApp().open('article', { id: articleIdAt(0) });
    expect(page.querySelector('.fs-1')).toBeTruthy();
    expect(page.querySelector('.font-step-on')?.dom?.textContent).toBe('大');
    expect(page.querySelector('.care')).toBeFalsy();
  });
});

describe('under the title, as a 公众号 article', () => {
  test('names the series and the center, and no date until staff set one (series-page: the date once set)', async () => {
    const { page } = await freshApp().open('article', { id: articleIdAt(3) });
    expect(page.querySelector('.series')?.dom?.textContent).toBe('深入学习领会党的二十大精神·发言摘登(一)');
    expect(page.querySelector('.center')?.dom?.textContent).toBe('市融媒体中心');
    expect(page.querySelector('.meta-date')).toBeFalsy();
  });
});

describe('titles in even lines', () => {
  const titleLines = (page: PageComponent) => (page.querySelector('.title')?.dom?.textContent ?? '').split('\n');

  test('no title leaves one character alone on its last line, at any size', async () => {
    const app = freshApp();
    const { page } = await app.open('article', { id: articleIdAt(3) });
    // 标准 and 大: two phrases on the first line would leave 干出新业绩 short; the break is between phrases.
    expect(titleLines(page)).toEqual(['展现新担当', '实现新作为 干出新业绩']);
    page.querySelectorAll('.font-step')[3]?.dispatchEvent('tap');
    await app.settle();
    // 超大 holds 10 characters a line: three phrases, three lines, rather than “…干出新业 / 绩”.
    expect(titleLines(page)).toEqual(['展现新担当', '实现新作为', '干出新业绩']);
  });

  test('the pager’s titles are balanced at the body size', async () => {
    const app = freshApp();
    const { page } = await app.open('article', { id: articleIdAt(4) });
    page.querySelectorAll('.font-step')[2]?.dispatchEvent('tap');
    await app.settle();
    const [prev, next] = page.querySelectorAll('.pager-title').map((t) => (t.dom?.textContent ?? '').split('\n'));
    expect(prev).toEqual(['展现新担当', '实现新作为 干出新业绩']);
    expect(next).toEqual(['扎根人民 服务大局 肩负起', '新时代文艺工作者的历史使命']);
  });
});

describe('the bottom bar', () => {
  test('offers the type sizes and 关怀模式 wherever the reader is, and says the size chosen', async () => {
    const app = freshApp();
    const { page } = await app.open('article', { id: articleIdAt(4) });
    const bar = page.querySelector('.reader-font');
    expect(bar?.dom?.textContent).toBe('字号：标准');
    expect(page.querySelector('.panel-step')).toBeFalsy();
    bar?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelectorAll('.panel-step').map((s) => s.dom?.textContent)).toEqual([
      '标准',
      '大',
      '特大',
      '超大',
      '关怀模式',
    ]);
    page.querySelectorAll('.panel-step')[3]?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.fs-3')).toBeTruthy();
    expect(page.querySelector('.panel-step-on')?.dom?.textContent).toBe('超大');
    page.querySelector('.panel-care')?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.care')).toBeTruthy();
    page.querySelector('.reader-font')?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.panel-step')).toBeFalsy();
    expect(page.querySelector('.reader-font')?.dom?.textContent).toBe('字号：超大');
  });
});

describe('sharing', () => {
  test('a chat share carries the speech id, ch=chat and a new share id', async () => {
    const { page } = await freshApp().open('article', { id: articleIdAt(3) });
    const first = call<{ title: string; path: string; imageUrl: string }>(page, 'onShareAppMessage');
    const second = call<{ path: string }>(page, 'onShareAppMessage');
    expect(first.title).toBe('展现新担当 实现新作为 干出新业绩');
    expect(first.imageUrl).toBe('/assets/share-5x4.png');
    const match = /^\/pages\/article\/index\?id=([a-z0-9]+)&ch=chat&s=([a-z0-9]{8})$/.exec(first.path);
    expect(match?.[1]).toBe(articleIdAt(3));
    expect(second.path).not.toBe(first.path);
  });

  test('a 朋友圈 share puts the same information in the query', async () => {
    const { page } = await freshApp().open('article', { id: articleIdAt(3) });
    const share = call<{ title: string; query: string }>(page, 'onShareTimeline');
    expect(share.title).toBe('展现新担当 实现新作为 干出新业绩');
    expect(share.query).toMatch(new RegExp(`^id=${articleIdAt(3)}&ch=tl&s=[a-z0-9]{8}$`));
  });

  test('opened from 朋友圈 in single-page mode it reads on its own: no openid, no navigation, no share button', async () => {
    const cloud = await contentCloud({ openid: null });
    wxStub.cloud = cloud.handler;
    wxStub.enter = { scene: 1154, apiCategory: 'browseOnly', query: { id: articleIdAt(0), ch: 'tl', s: 'abcd1234' } };
    const app = freshApp();
    app.stores.entry.update(require('../../miniprogram/services/entry').enterInfo());
    const { page, text } = await app.open('article', { id: articleIdAt(0), ch: 'tl', s: 'abcd1234' });
    expect(text()).toContain('思想之旗领航向');
    expect(page.querySelector('.pager')).toBeFalsy();
    expect(page.querySelector('.share')).toBeFalsy();
    const sent = cloud.calls.find((c) => (c.data as { action: string }).action === 'article.get')?.data as {
      input: { anonId?: string; read?: { attribution: { scene: number; ch: string } } };
    };
    expect(sent.input.anonId).toMatch(/^[a-z0-9]{16}$/);
    expect(sent.input.read?.attribution).toMatchObject({ scene: 1154, ch: 'tl' });
  });
});

describe('返回全部发言', () => {
  const globals = globalThis as unknown as { getCurrentPages: () => Array<{ route: string }> };
  const original = globals.getCurrentPages;
  afterEach(() => {
    globals.getCurrentPages = original;
  });

  test('goes back to the home page already open, instead of stacking a second one', async () => {
    globals.getCurrentPages = () => [{ route: 'pages/installment/index' }, { route: 'pages/article/index' }];
    const app = freshApp();
    const { page } = await app.open('article', { id: articleIdAt(0) });
    page.querySelector('.pager-home')?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.navigateBack).toHaveBeenCalledWith(expect.objectContaining({ delta: 1 }));
    expect(wxMock.navigateTo).not.toHaveBeenCalled();
    expect(wxMock.redirectTo).not.toHaveBeenCalled();
    expect(wxMock.reLaunch).not.toHaveBeenCalled();
  });

  test('when the speech was the entry page, relaunches to the home page: one page, no back arrow', async () => {
    globals.getCurrentPages = () => [{ route: 'pages/article/index' }];
    const app = freshApp();
    const { page } = await app.open('article', { id: articleIdAt(0) });
    page.querySelector('.pager-home')?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.reLaunch).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/installment/index' }));
    expect(wxMock.navigateBack).not.toHaveBeenCalled();
    expect(wxMock.redirectTo).not.toHaveBeenCalled();
  });
});
