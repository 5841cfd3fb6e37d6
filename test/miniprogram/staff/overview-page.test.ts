import { CHART_COLOURS } from '../../../miniprogram/staff/utils/chart-options';
import { freshApp } from '../support/app';
import { recordingCanvas } from '../support/canvas';
import { contentCloud } from '../support/cloud';
import { wxStub } from '../support/runtime';
import { choose, figure, specOf, staffCloud, today } from './helpers';
import { aMorningOfReading } from './scenario';

beforeEach(() => wxStub.reset());
afterEach(() => jest.restoreAllMocks());

describe('工作台 概览', () => {
  test('shows today’s figures from the stats function, with how readers were counted', async () => {
    await staffCloud();
    const { page, text, setDataCalls } = await freshApp().open('staff/overview');
    // Its stores bound through one field map: the skeleton, then the figures.
    expect(setDataCalls.length).toBeLessThanOrEqual(2);
    expect(figure(page, 'pv')).toBe('4');
    expect(figure(page, 'uv')).toBe('4');
    expect(figure(page, 'shares')).toBe('2');
    expect(figure(page, 'shareReads')).toBe('1');
    expect(figure(page, 'reshares')).toBe('1');
    expect(figure(page, 'completionRate')).toBe('0%');
    expect(text()).toContain('今日读者为当天去重后的人数');
    expect(text()).toContain('较昨日 新增');
    expect(text()).toContain('朋友圈单页模式打开的读者没有微信身份，单独计数');
    expect(text()).toContain('1 人（按安装计）阅读 1 次');
    expect(text()).toContain('（实时）');
  });

  test('the trend chart gets today’s reads and readers; the range switch reads the stats again', async () => {
    await staffCloud();
    const app = freshApp();
    const { page, text } = await app.open('staff/overview');
    expect(specOf(page, '.trend')).toEqual({
      type: 'column',
      categories: [today()],
      series: [
        { name: '阅读数', data: [4] },
        { name: '读者数', data: [4] },
      ],
    });
    await choose(page, '.ranges', '近7天', app.settle);
    expect(text()).toContain('多日读者为每天去重后相加');
    expect(text()).toContain('较前7天 新增');
    const week = specOf(page, '.trend');
    expect(week?.type).toBe('line');
    expect(week?.categories).toHaveLength(7);
    expect(week?.categories.at(-1)).toBe(today());
    expect(week?.series[0]?.data).toEqual([0, 0, 0, 0, 0, 0, 4]);

    await choose(page, '.ranges', '累计', app.settle);
    expect(figure(page, 'pv')).toBe('4');
    expect(text()).toContain('累计读者为去重后的人数');
    expect(text()).not.toContain('较');
    expect(text()).toContain('近30天每日阅读');
    expect(specOf(page, '.trend')?.categories).toHaveLength(30);
    // The range chosen here is the one the other staff pages open with.
    const ranking = await app.open('staff/ranking');
    expect(ranking.text()).toContain('累计（自开始计数起）');
  });

  test('draws the trend with uCharts on the page’s canvas, in the phone’s dark colours', async () => {
    await staffCloud();
    const canvas = recordingCanvas();
    wxStub.canvas = () => canvas.node;
    wxStub.baseInfo = { ...wxStub.baseInfo, theme: 'dark' };
    // jsdom lays nothing out: give the canvas the size a phone would.
    jest
      .spyOn(Element.prototype, 'getBoundingClientRect')
      .mockReturnValue({ width: 343, height: 210, top: 0, left: 0, right: 343, bottom: 210, x: 0, y: 0 } as DOMRect);
    const app = freshApp();
    await app.open('staff/overview');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(canvas.node.width).toBe(686);
    expect(canvas.node.height).toBe(420);
    expect(canvas.texts()).toEqual(expect.arrayContaining([today(), '阅读数', '读者数', '4']));
    expect(canvas.fills().map((f) => f.toLowerCase())).not.toContain('#ffffff');
  });

  test('draws again in the new colours when the phone switches to dark', async () => {
    await staffCloud();
    const canvas = recordingCanvas();
    wxStub.canvas = () => canvas.node;
    jest
      .spyOn(Element.prototype, 'getBoundingClientRect')
      .mockReturnValue({ width: 343, height: 210, top: 0, left: 0, right: 343, bottom: 210, x: 0, y: 0 } as DOMRect);
    await freshApp().open('staff/overview');
    await new Promise((resolve) => setTimeout(resolve, 60));
    const light = canvas.calls.length;
    expect(canvas.fills()).not.toContain(CHART_COLOURS.dark.text);
    wxStub.setTheme('dark');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(canvas.calls.length).toBeGreaterThan(light);
    const fillsSince = canvas.calls.slice(light).filter((c) => c.name === '=fillStyle');
    expect(fillsSince.map((c) => c.args[0])).toContain(CHART_COLOURS.dark.text);
  });

  test('large type reaches the staff pages too', async () => {
    await staffCloud();
    wxStub.baseInfo = { ...wxStub.baseInfo, fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 };
    const { page } = await freshApp().open('staff/overview');
    expect(page.querySelector('.page')?.dom?.className).toMatch(/fs-2.*care/);
  });

  test('a reader who reaches the page is told it is for staff, and sees no figure', async () => {
    const cloud = await contentCloud({ openid: 'o-reader' });
    await aMorningOfReading(cloud);
    cloud.actAs('o-reader');
    wxStub.cloud = cloud.handler;
    const { page, text } = await freshApp().open('staff/overview');
    expect(text()).toContain('没有权限：仅限工作人员使用');
    expect(page.querySelector('.figure')).toBeFalsy();
  });
});
