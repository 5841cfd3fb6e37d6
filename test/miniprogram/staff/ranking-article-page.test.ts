import { freshApp } from '../support/app';
import { wxMock, wxStub } from '../support/runtime';
import { cells, choose, figure, specOf, staffCloud } from './helpers';

beforeEach(() => wxStub.reset());

describe('工作台 排行 and a speech’s detail', () => {
  test('ranks the speeches by reads, then by the figure chosen; a tap opens the speech', async () => {
    const { reading } = await staffCloud();
    const app = freshApp();
    const { page, text } = await app.open('staff/ranking');
    const rows = () => page.querySelectorAll('.rank-row');
    const values = () => page.querySelectorAll('.rank-value').map((v) => v.dom?.textContent);
    expect(rows()).toHaveLength(6);
    expect(rows()[0]?.dom?.dataset.id).toBe(reading.a);
    expect(cells(rows()[0])).toBe(
      '1 潮起东方万象新 勇担使命再出发 李子未 阅读 3 · 读者 3 · 分享 2 · 读完率 0% · 另有单页阅读 1 3',
    );
    expect(rows()[1]?.dom?.dataset.id).toBe(reading.b);
    expect(values()).toEqual(['3', '1', '0', '0', '0', '0']);
    expect(text()).toContain('今日读者为当天去重后的人数（每篇分别去重）');

    await choose(page, '.sorts', '分享数', app.settle);
    expect(values()).toEqual(['2', '0', '0', '0', '0', '0']);
    await choose(page, '.sorts', '读完率', app.settle);
    // A and B were read and not finished (0%); speeches nobody opened have no rate at all and come last.
    expect(values()).toEqual(['0%', '0%', '—', '—', '—', '—']);

    rows()[0]?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringMatching(/^\/staff\/pages\/article\/index\?id=/) }),
    );
  });

  test('a speech’s detail: figures, trend, channel bars, the share chain and completion', async () => {
    const { reading } = await staffCloud();
    const { page, text } = await freshApp().open('staff/article', { id: reading.a });
    expect(text()).toContain('潮起东方万象新 勇担使命再出发');
    expect(figure(page, 'pv')).toBe('3');
    expect(figure(page, 'uv')).toBe('3');
    expect(text()).toContain('今日读者为当天去重后的人数（每篇分别去重）');
    expect(text()).toContain('1 人（按安装计）阅读 1 次');

    expect(specOf(page, '.trend')?.series.map((s) => s.data)).toEqual([[3], [3]]);
    const bars = specOf(page, '.channel-bars');
    expect(bars?.type).toBe('bar');
    // The anonymous 朋友圈 reading came through 朋友圈 too: listed, with no named reads.
    expect(bars?.categories).toEqual(['报纸', '微信会话', '扫码', '朋友圈']);
    expect(bars?.series[0]).toEqual({ name: '阅读数', data: [1, 1, 1, 0] });

    expect(page.querySelectorAll('.funnel-step').map(cells)).toEqual([
      '分享 2',
      '经分享阅读 1 每次分享带来 0.5 次阅读',
      '再分享 1 100% 的经分享阅读又分享出去',
    ]);
    expect(text()).toContain('读完 0 次，共阅读 4 次（含朋友圈单页读者），读完率 0%');
  });

  test('a speech that does not exist says so', async () => {
    await staffCloud();
    const { text } = await freshApp().open('staff/article', { id: 'nope' });
    expect(text()).toContain('没有找到这篇发言');
  });
});
