import { secondInstallment } from '../admin/second-installment';
import { as } from './staff/scenario';
import { freshApp } from './support/app';
import { contentCloud, STAFF_OPENID } from './support/cloud';
import { wxMock, wxStub } from './support/runtime';

type Cloud = Awaited<ReturnType<typeof contentCloud>>;
let cloud: Cloud;

beforeEach(async () => {
  wxStub.reset();
  cloud = await contentCloud({ openid: 'o-test-reader' });
  wxStub.cloud = cloud.handler;
});

/** An administrator publishes the second installment (and dates the first) through the admin function. */
async function publishSecond(): Promise<void> {
  await as(cloud, STAFF_OPENID, 'admin', 'installment.publish', { installment: secondInstallment() });
  await as(cloud, STAFF_OPENID, 'admin', 'installment.setDate', { id: 'esd-01', publishedAt: '2022-11-08' });
  cloud.actAs('o-test-reader');
}

const firstIds = async () => (await cloud.stores.content.getInstallment('esd-01'))?.articles.map((a) => a.id) ?? [];

describe('the series', () => {
  test('with one installment the home page has no 往期', async () => {
    const { page } = await freshApp().open('installment');
    expect(page.querySelector('.past')).toBeFalsy();
  });

  test('once a second is published, the home page shows it and lists the first in 往期 with its date', async () => {
    await publishSecond();
    const { page, text } = await freshApp().open('installment');
    expect(page.querySelector('.masthead-title')?.dom?.textContent).toBe('测试用虚构版面：奋进新征程');
    expect(page.querySelectorAll('.card-title').map((t) => t.dom?.textContent)).toEqual([
      '守正创新 行稳致远',
      '担当作为 争创一流',
    ]);
    expect(page.querySelector('.past-title')?.dom?.textContent).toBe('往期');
    const past = page.querySelectorAll('.past-item');
    expect(past).toHaveLength(1);
    expect(page.querySelector('.past-name')?.dom?.textContent).toBe('深入学习领会党的二十大精神');
    expect(page.querySelector('.past-date')?.dom?.textContent).toBe('2022年11月8日');
    expect(text()).toContain('座谈会发言摘登(一)');
  });

  test('往期 opens the earlier installment on its own page, and its speeches open', async () => {
    await publishSecond();
    const app = freshApp();
    const home = await app.open('installment');
    home.page.querySelector('.past-item')?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/pages/installment/index?id=esd-01' }),
    );

    const earlier = await app.open('installment', { id: 'esd-01' });
    expect(earlier.page.querySelector('.masthead-title')?.dom?.textContent).toBe('深入学习领会党的二十大精神');
    expect(earlier.page.querySelector('.masthead-date')?.dom?.textContent).toBe('2022年11月8日');
    expect(earlier.page.querySelectorAll('.card')).toHaveLength(6);
    expect(earlier.page.querySelector('.past')).toBeFalsy();
    expect(call(earlier.page, 'onShareAppMessage').path).toBe('/pages/installment/index?id=esd-01&ch=chat');
  });

  test('back from 往期 with the network gone, the home page is the newest installment with its 往期 still listed', async () => {
    await publishSecond();
    const app = freshApp();
    const home = await app.open('installment');
    call(home.page, 'onShow');
    await app.settle();
    await app.open('installment', { id: 'esd-01' });
    wxStub.cloud = async () => {
      throw new Error('request:fail');
    };
    call(home.page, 'onShow');
    await app.settle();
    expect(home.page.querySelector('.masthead-title')?.dom?.textContent).toBe('测试用虚构版面：奋进新征程');
    expect(home.page.querySelectorAll('.past-item')).toHaveLength(1);
  });

  test('a link to a speech of the earlier installment still opens it, with its date', async () => {
    await publishSecond();
    const [first] = await firstIds();
    const { text, page } = await freshApp().open('article', { id: first as string, ch: 'bao' });
    expect(text()).toContain('潮起东方万象新');
    expect(page.querySelector('.meta-date')?.dom?.textContent).toBe('2022年11月8日');
    expect(text()).toContain('阅读 1');
  });

  test('a code of an earlier speech (its QR scene) still opens it', async () => {
    await publishSecond();
    const [, second] = await firstIds();
    const { text } = await freshApp().open('article', { scene: encodeURIComponent(`a=${second}&c=bao`) });
    expect(text()).toContain('发扬斗争精神');
  });

  test('a speech without a date says none', async () => {
    const [first] = await firstIds();
    const { page } = await freshApp().open('article', { id: first as string });
    expect(page.querySelector('.meta-date')).toBeFalsy();
  });

  test('search finds speeches of both installments', async () => {
    await publishSecond();
    const app = freshApp();
    const { page } = await app.open('search');
    const search = app.stores.search;
    search.setQuery('书房');
    await search.search();
    await app.settle();
    expect(page.querySelectorAll('.hit').length).toBeGreaterThan(0);
    search.setQuery('网信');
    await search.search();
    await app.settle();
    expect(page.querySelectorAll('.hit').length).toBeGreaterThan(0);
  });
});

describe('我的编号', () => {
  test('a quiet link at the foot of the home page shows the person’s own number and copies it', async () => {
    const app = freshApp();
    await app.launch();
    const { page } = await app.open('installment');
    const link = page.querySelector('.my-number');
    expect(link?.dom?.textContent).toBe('我的编号');
    link?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '我的编号',
        content: expect.stringContaining('o-test-reader'),
        confirmText: '复制',
      }),
    );
    expect(wxStub.clipboard()).toBe('o-test-reader');
  });

  test('closing the dialog copies nothing', async () => {
    wxStub.modalAnswers = [false];
    const app = freshApp();
    await app.launch();
    const { page } = await app.open('installment');
    page.querySelector('.my-number')?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.showModal).toHaveBeenCalledTimes(1);
    expect(wxMock.setClipboardData).not.toHaveBeenCalled();
  });
});

const call = (page: { instance: Record<string, unknown> }, method: string) =>
  (page.instance[method] as () => { path: string }).call(page.instance);
