import { call, freshApp, tapButton } from './support/app';
import { contentCloud, networkDown } from './support/cloud';
import { wxMock, wxStub } from './support/runtime';

beforeEach(() => wxStub.reset());

describe('the installment (home) page', () => {
  test('shows the header, the editor’s note and six speech cards', async () => {
    wxStub.cloud = (await contentCloud()).handler;
    const { open } = freshApp();
    const { page, text } = await open('installment');
    expect(text()).toContain('深入学习领会党的二十大精神');
    expect(text()).toContain('编者的话');
    expect(text()).toContain('11月9日，市直宣传思想文化系统');
    expect(page.querySelectorAll('.card')).toHaveLength(6);
    expect(text()).toContain('潮起东方万象新 勇担使命再出发');
    expect(text()).toContain('市委理论宣传教育中心主任、市委讲师团团长 闫晓玲');
    expect(text()).toContain('阅读 0');
  });

  test('marks the speeches the paper did not print in full with the article’s own words, 原版面未刊完', async () => {
    wxStub.cloud = (await contentCloud()).handler;
    const { page } = await freshApp().open('installment');
    // Speeches 2, 3 and 4 of (一) break off in the paper.
    const cards = page.querySelectorAll('.card').map((c) => c.dom?.textContent ?? '');
    expect(cards.map((c) => c.includes('原版面未刊完'))).toEqual([false, true, true, true, false, false]);
    expect(cards.join('')).not.toContain('版面节选');
  });

  test('keeps summaries only in its data: no speech bodies', async () => {
    wxStub.cloud = (await contentCloud()).handler;
    const { open } = freshApp();
    const { page } = await open('installment');
    const data = JSON.stringify(page.instance.data);
    expect(data).not.toContain('斗争精神贯穿革命、建设、改革全过程');
    expect(data.length).toBeLessThan(8000);
  });

  test('shows read counts the way 公众号 readers know them', async () => {
    const cloud = await contentCloud();
    wxStub.cloud = cloud.handler;
    const ids = (await cloud.stores.content.getInstallment('esd-01'))?.articles.map((a) => a.id) ?? [];
    const counts = [0, 9999, 12345, 100000, 10000, 250];
    cloud.setShownCounts(Object.fromEntries(ids.map((id, i) => [id, counts[i] ?? 0])));
    const { page } = await open();
    const shown = page.querySelectorAll('.card-count').map((m) => m.dom?.textContent?.trim());
    expect(shown).toEqual(['阅读 0', '阅读 9999', '阅读 1.2万', '阅读 10万+', '阅读 1万', '阅读 250']);
    async function open() {
      return freshApp().open('installment');
    }
  });

  test('a cloud error shows a friendly message and a retry that works', async () => {
    wxStub.cloud = networkDown;
    const { open } = freshApp();
    const { page, text } = await open('installment');
    expect(text()).toContain('网络不太好');
    expect(text()).not.toMatch(/request:fail|errCode/);
    expect(page.querySelectorAll('.card')).toHaveLength(0);

    const cloud = await contentCloud();
    wxStub.cloud = cloud.handler;
    tapButton(page, '.retry');
    await new Promise((r) => setTimeout(r, 30));
    expect(page.querySelectorAll('.card')).toHaveLength(6);
  });

  test('with no network, the last installment still opens, marked as offline', async () => {
    wxStub.cloud = (await contentCloud()).handler;
    await freshApp().open('installment');
    wxStub.cloud = networkDown;
    const { page, text } = await freshApp().open('installment');
    expect(page.querySelectorAll('.card')).toHaveLength(6);
    expect(text()).toContain('离线内容');
  });

  test('coming back from a speech shows the read count it just got', async () => {
    const cloud = await contentCloud();
    wxStub.cloud = cloud.handler;
    const app = freshApp();
    const home = await app.open('installment');
    call(home.page, 'onShow');
    expect(home.page.querySelectorAll('.card-count')[0]?.dom?.textContent).toBe('阅读 0');
    const id = (await cloud.stores.content.getInstallment('esd-01'))?.articles[0]?.id as string;
    await app.open('article', { id });
    call(home.page, 'onShow');
    await app.settle();
    expect(home.page.querySelectorAll('.card-count')[0]?.dom?.textContent).toBe('阅读 1');
  });

  test('in 朋友圈 single-page mode the cards do not navigate and there is no share button', async () => {
    wxStub.cloud = (await contentCloud({ openid: null })).handler;
    const app = freshApp();
    app.stores.entry.update({ scene: 1154, apiCategory: 'browseOnly', query: {} });
    const { page, text } = await app.open('installment');
    expect(page.querySelectorAll('.card')).toHaveLength(6);
    page.querySelectorAll('.card')[0]?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.navigateTo).not.toHaveBeenCalled();
    expect(page.querySelector('.share')).toBeFalsy();
    expect(text()).toContain('前往小程序');
  });

  test('the editor’s note starts collapsed and expands', async () => {
    wxStub.cloud = (await contentCloud()).handler;
    const { page, settle } = await (async () => {
      const app = freshApp();
      return { ...(await app.open('installment')), settle: app.settle };
    })();
    expect(page.querySelector('.note-collapsed')).toBeTruthy();
    page.querySelector('.note-toggle')?.dispatchEvent('tap');
    await settle();
    expect(page.querySelector('.note-collapsed')).toBeFalsy();
  });

  test('opens a speech from its card, and shares the installment as a chat card', async () => {
    const cloud = await contentCloud();
    wxStub.cloud = cloud.handler;
    const { page } = await freshApp().open('installment');
    page.querySelectorAll('.card')[2]?.dispatchEvent('tap');
    const firstId = (await cloud.stores.content.getInstallment('esd-01'))?.articles[2]?.id;
    expect(wxMock.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/pages/article/index?id=${firstId}` }),
    );
    const share = call<{ title: string; path: string }>(page, 'onShareAppMessage');
    expect(share.title).toBe('深入学习领会党的二十大精神');
    expect(share.path).toBe('/pages/installment/index?ch=chat');
  });

  test('in 朋友圈 single-page mode a tapped card says how to read it: 前往小程序 at the foot of the screen', async () => {
    wxStub.cloud = (await contentCloud({ openid: null })).handler;
    const app = freshApp();
    app.stores.entry.update({ scene: 1154, apiCategory: 'browseOnly', query: {} });
    const { page } = await app.open('installment');
    expect(page.querySelector('.card-static')).toBeTruthy();
    const cardText = (i: number) => page.querySelectorAll('.card')[i]?.dom?.textContent ?? '';
    expect(cardText(1)).not.toContain('前往小程序');
    page.querySelectorAll('.card')[1]?.dispatchEvent('tap');
    await app.settle();
    expect(cardText(1)).toContain('请点屏幕最下方的“前往小程序”');
    expect(cardText(0)).not.toContain('前往小程序');
    expect(wxMock.navigateTo).not.toHaveBeenCalled();
  });
});

describe('the home page offline', () => {
  test('when the network comes back the offline notice goes by itself, with no pull-down', async () => {
    const cloud = await contentCloud();
    wxStub.cloud = cloud.handler;
    await freshApp().open('installment');
    wxStub.cloud = networkDown;
    wxStub.networkType = 'none';
    const app = freshApp();
    const { page, text } = await app.open('installment');
    expect(text()).toContain('当前显示的是离线内容');
    cloud.setShownCounts({ [(await firstId(cloud)) as string]: 7 });
    wxStub.cloud = cloud.handler;
    wxStub.setOnline(true);
    await app.settle();
    expect(text()).not.toContain('离线内容');
    expect(page.querySelectorAll('.card-count')[0]?.dom?.textContent).toBe('阅读 7');
  });

  test('offline, the cards of the speeches saved on the phone say 已存离线', async () => {
    const cloud = await contentCloud();
    wxStub.cloud = cloud.handler;
    const ids = (await cloud.stores.content.getInstallment('esd-01'))?.articles.map((a) => a.id) ?? [];
    const online = freshApp();
    await online.open('installment');
    await online.open('article', { id: ids[1] as string });
    await online.open('article', { id: ids[4] as string });
    wxStub.cloud = networkDown;
    wxStub.networkType = 'none';
    const { page } = await freshApp().open('installment');
    const cards = page.querySelectorAll('.card').map((c) => c.dom?.textContent ?? '');
    expect(cards.map((c) => c.includes('已存离线'))).toEqual([false, true, false, false, true, false]);
  });

  async function firstId(cloud: Awaited<ReturnType<typeof contentCloud>>) {
    return (await cloud.stores.content.getInstallment('esd-01'))?.articles[0]?.id;
  }
});

describe('the home page after a font change', () => {
  test('comes back showing the same card at the top, not the same pixel offset', async () => {
    wxStub.cloud = (await contentCloud()).handler;
    const app = freshApp();
    const { page } = await app.open('installment');
    // A layout in which everything grows with the font: the masthead 300 px and each card 200 px at 标准.
    let scrollTop = 0;
    const scale = () => 1 + 0.25 * app.stores.settings.fontStep;
    const cards = page.querySelectorAll('.card');
    cards.forEach((card, i) => {
      const dom = card.dom as HTMLElement;
      dom.getBoundingClientRect = () => {
        const height = 200 * scale();
        const top = 300 * scale() + i * height - scrollTop;
        return { top, bottom: top + height, height, left: 0, right: 375, width: 375, x: 0, y: top } as DOMRect;
      };
    });
    wxMock.pageScrollTo.mockImplementation((o: { scrollTop: number }) => {
      scrollTop = o.scrollTop;
    });
    const topCard = () =>
      cards.findIndex((c) => {
        const r = (c.dom as HTMLElement).getBoundingClientRect();
        return r.bottom > 0;
      });

    // The reader scrolls to the third speech, a quarter of it read, then opens a speech.
    scrollTop = 750;
    call(page, 'onPageScroll', { scrollTop });
    await app.settle();
    expect(topCard()).toBe(2);
    call(page, 'onHide');
    await app.settle();
    // On the article page they choose 特大, and come back.
    app.stores.settings.setFontStep(2);
    await app.settle();
    call(page, 'onShow');
    await app.settle();
    expect(topCard()).toBe(2);
    expect(scrollTop).toBe(1050 + 0.25 * 300);
  });
});
