import { CHART_COLOURS, type ChartSpec, chartOptions, niceMax } from '../../../miniprogram/staff/utils/chart-options';
import UCharts from '../../../miniprogram/staff/vendor/u-charts';
import { recordingCanvas } from '../support/canvas';

const week: ChartSpec = {
  type: 'line',
  categories: ['11-26', '11-27', '11-28', '11-29', '11-30', '12-01', '12-02'],
  series: [
    { name: '阅读数', data: [3, 0, 5, 12, 7, 2, 4] },
    { name: '读者数', data: [2, 0, 4, 9, 6, 2, 4] },
  ],
};
const box = { width: 343, height: 210, pixelRatio: 2 };
const light = { dark: false, fontStep: 0, care: false } as const;

describe('chart options (uCharts) from a ChartSpec', () => {
  test('the value axis counts from 0 in four whole steps', () => {
    expect(niceMax(0, 4)).toBe(4);
    expect(niceMax(3, 4)).toBe(4);
    expect(niceMax(12, 4)).toBe(20);
    expect(niceMax(8, 4)).toBe(8);
    expect(niceMax(13, 4)).toBe(20);
    expect(niceMax(47, 4)).toBe(80);
    expect(niceMax(9_999, 4)).toBe(10_000);
    const options = chartOptions(week, light, box);
    expect(options.yAxis.data?.[0]).toMatchObject({ min: 0, max: 20 });
  });

  test('sizes the canvas in screen pixels and passes the days and both series', () => {
    const options = chartOptions(week, light, box);
    expect(options).toMatchObject({ type: 'line', canvas2d: true, width: 686, height: 420, pixelRatio: 2 });
    expect(options.categories).toEqual(week.categories);
    expect(options.series.map((s) => [s.name, s.data])).toEqual([
      ['阅读数', [3, 0, 5, 12, 7, 2, 4]],
      ['读者数', [2, 0, 4, 9, 6, 2, 4]],
    ]);
    expect(options.legend.show).toBe(true);
    expect(options.series[0]?.formatter?.(12_345, 0)).toBe('1.2万');
  });

  test('dark mode sets its own background and colours, never uCharts’ white', () => {
    const options = chartOptions(week, { ...light, dark: true }, box);
    expect(options.background).toBe(CHART_COLOURS.dark.background);
    expect(options.background).not.toMatch(/^#?(fff|ffffff)$/i);
    expect(options.fontColor).toBe(CHART_COLOURS.dark.text);
    expect(options.yAxis.gridColor).toBe(CHART_COLOURS.dark.grid);
    expect(options.series[0]?.color).toBe(CHART_COLOURS.dark.series[0]);
  });

  test('type grows with the page’s type step, and 关怀模式 writes in stronger colours', () => {
    const sizes = ([0, 1, 2, 3] as const).map((fontStep) => chartOptions(week, { ...light, fontStep }, box).fontSize);
    expect(sizes).toEqual([12, 13, 15, 17]);
    expect(chartOptions(week, { ...light, care: true }, box).fontColor).toBe(CHART_COLOURS.light.careText);
  });

  test('a month of days shows a few day labels and no value on every point', () => {
    const month: ChartSpec = {
      type: 'line',
      categories: Array.from({ length: 30 }, (_, i) => `11-${String(i + 1).padStart(2, '0')}`),
      series: [{ name: '阅读数', data: Array.from({ length: 30 }, (_, i) => i) }],
    };
    const options = chartOptions(month, light, box);
    expect(options.xAxis.labelCount).toBe(6);
    expect(options.dataLabel).toBe(false);
    expect(options.legend.show).toBe(false);
  });

  test('a horizontal bar chart counts along x and lists its channels along y', () => {
    const bars: ChartSpec = {
      type: 'bar',
      categories: ['报纸', '微信会话'],
      series: [{ name: '阅读数', data: [7, 3] }],
    };
    const options = chartOptions(bars, light, box);
    expect(options.xAxis).toMatchObject({ min: 0, max: 8, splitNumber: 4 });
    expect(options.yAxis.data).toEqual([]);
  });

  test('uCharts draws them on a canvas 2d context: the days, the values, the legend, dark colours', async () => {
    for (const spec of [week, { ...week, type: 'column' as const }, { ...week, type: 'bar' as const }]) {
      const canvas = recordingCanvas();
      new UCharts({ ...chartOptions(spec, { ...light, dark: true }, box), context: canvas.node.getContext('2d') });
      // uCharts draws its one frame on a timer, even without animation.
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect(canvas.texts()).toEqual(expect.arrayContaining(['12']));
      expect(canvas.texts()).toEqual(expect.arrayContaining(['11-26', '12-02', '阅读数', '读者数']));
      // uCharts clears the canvas (the card shows through) and fills with `background` what should look empty, such as
      // a line's hollow points: in dark mode never white.
      expect(canvas.fills().map((f) => f.toLowerCase())).not.toContain('#ffffff');
      if (spec.type === 'line') expect(canvas.fills()).toContain(CHART_COLOURS.dark.background);
    }
  });
});
