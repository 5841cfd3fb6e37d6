import { freshApp } from './support/app';
import { contentCloud } from './support/cloud';
import { wxMock, wxStub } from './support/runtime';

beforeEach(async () => {
  wxStub.reset();
  wxStub.cloud = (await contentCloud()).handler;
});

test('lists matching speeches with the match highlighted, and opens one at the paragraph', async () => {
  const app = freshApp();
  const { page } = await app.open('search');
  app.stores.search.setQuery('科普');
  await app.stores.search.search();
  await app.settle();
  const hits = page.querySelectorAll('.hit');
  expect(hits).toHaveLength(1);
  expect(hits[0]?.dom?.textContent).toContain('切实把学习成果转化为推动主流媒体深度融合的自觉行动');
  expect(page.querySelectorAll('.mark').map((m) => m.dom?.textContent)).toEqual(['科普']);
  hits[0]?.dispatchEvent('tap');
  await app.settle();
  expect(wxMock.navigateTo).toHaveBeenCalledWith(
    expect.objectContaining({
      url: expect.stringMatching(/^\/pages\/article\/index\?id=[a-z0-9]+&b=p[a-z0-9]+&q=%E7%A7%91%E6%99%AE$/),
    }),
  );
});

test('says so when nothing matches', async () => {
  const app = freshApp();
  const { page, text } = await app.open('search');
  app.stores.search.setQuery('不存在的词');
  await app.stores.search.search();
  await app.settle();
  expect(page.querySelectorAll('.hit')).toHaveLength(0);
  expect(text()).toContain('没有找到“不存在的词”');
});

test('clears the previous word’s results as soon as the reader types another word', async () => {
  const app = freshApp();
  const { page, text } = await app.open('search');
  app.stores.search.setQuery('科普');
  await app.stores.search.search();
  await app.settle();
  expect(page.querySelectorAll('.hit')).toHaveLength(1);
  app.stores.search.setQuery('科普融');
  await app.settle();
  expect(page.querySelectorAll('.hit')).toHaveLength(0);
  expect(text()).not.toContain('没有找到');
});

test('has a large 搜索 button that searches for the typed word', async () => {
  const app = freshApp();
  const { page } = await app.open('search');
  app.stores.search.setQuery('科普');
  await app.settle();
  const button = page.querySelector('.search-go');
  expect(button?.dom?.textContent?.trim()).toBe('搜索');
  button?.dispatchEvent('tap');
  await app.settle();
  await app.settle();
  expect(page.querySelectorAll('.hit')).toHaveLength(1);
});

test('a search answered after the box was cleared shows nothing, now or on the next visit', async () => {
  const app = freshApp();
  const { page } = await app.open('search');
  app.stores.search.setQuery('科普');
  const answered = app.stores.search.search();
  app.stores.search.clear();
  await answered;
  await app.settle();
  expect(page.querySelectorAll('.hit')).toHaveLength(0);
  expect(app.stores.search.status).toBe('idle');
  expect(app.stores.search.rows).toEqual([]);
});
