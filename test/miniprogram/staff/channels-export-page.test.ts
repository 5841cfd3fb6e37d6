import { freshApp } from '../support/app';
import { wxMock, wxStub } from '../support/runtime';
import { cells, specOf, staffCloud } from './helpers';
import { as } from './scenario';

beforeEach(() => wxStub.reset());

describe('工作台 渠道 and 导出', () => {
  test('reads and readers per node of the matrix, a staff-made channel counted under its node', async () => {
    const { cloud, reading } = await staffCloud();
    await as(cloud, 'o-test-staff', 'admin', 'channel.create', { name: '报纸第3版', type: 'bao', code: 'bz3' });
    await as(cloud, 'o-5', 'track', 'read', {
      eventId: 'r-page-bz3-000001',
      articleId: reading.b,
      attribution: { scene: 1047, chatType: null, apiCategory: 'default', ch: 'bz3', s: null },
    });
    const { page, text } = await freshApp().open('staff/channels');
    expect(page.querySelectorAll('.node-row').map(cells)).toEqual([
      '报纸 2 2',
      '广播电视 1 1',
      '网站 0 0',
      '公众号 0 0',
      '客户端 0 0',
      '户外大屏 0 0',
    ]);
    expect(specOf(page, '.nodes-chart')).toMatchObject({
      type: 'column',
      categories: ['报纸', '广播电视', '网站', '公众号', '客户端', '户外大屏'],
      series: [
        { name: '阅读数', data: [2, 1, 0, 0, 0, 0] },
        { name: '读者数', data: [2, 1, 0, 0, 0, 0] },
      ],
    });
    const groups = page.querySelectorAll('.group-title').map((g) => g.dom?.textContent);
    expect(groups).toEqual(['矩阵', '工作人员建的渠道', '分享', '场景']);
    const rows = page.querySelectorAll('.channel-row').map(cells);
    expect(rows).toEqual(
      expect.arrayContaining([
        // Matrix nodes and staff-made channels open their codes (码 ›).
        '报纸 渠道码 bao 1 1 码 ›',
        '报纸第3版 属于报纸 · 渠道码 bz3 1 1 码 ›',
        '广播电视 渠道码 tai 1 1 码 ›',
        '微信会话 1 1',
        '扫码 1 1',
        '朋友圈 另有单页阅读 1 0 0',
      ]),
    );
    expect(text()).toContain('今日读者为当天去重后的人数（每篇每个渠道分别去重）');
  });

  test('makes the CSV, says WeChat cannot open it, and copies its link', async () => {
    await staffCloud();
    const app = freshApp();
    const { page, text } = await app.open('staff/export');
    expect(page.querySelector('.file')).toBeFalsy();
    page.querySelector('.make')?.querySelector('.ui-button')?.dispatchEvent('tap');
    await app.settle();
    expect(text()).toMatch(/阅读统计-today-\d{8}-\d{4}\.csv/);
    expect(text()).toContain('共 11 行数据');
    expect(text()).toContain('微信里不能直接打开 CSV 文件');
    const url = page.querySelector('.file-url')?.dom?.textContent ?? '';
    expect(url).toMatch(/^memory:\/\/files\/exports\//);

    page.querySelector('.copy')?.querySelector('.ui-button')?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.setClipboardData).toHaveBeenCalledWith(expect.objectContaining({ data: url }));
    expect(wxStub.clipboard()).toBe(url);
    expect(text()).toContain('链接已复制');
    expect(wxMock.openDocument).not.toHaveBeenCalled();
  });
});
