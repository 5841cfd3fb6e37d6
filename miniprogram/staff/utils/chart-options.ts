import type { ChartOptions } from '../vendor/u-charts';
import { formatFigure } from './format';

/**
 * What a chart shows, as a store builds it and a page hands it to `<staff-chart>` (it goes through setData, so plain
 * data only): a daily trend (`line`), counts by node (`column`), counts by channel (`bar`, horizontal).
 */
export interface ChartSpec {
  type: 'line' | 'column' | 'bar';
  categories: string[];
  series: Array<{ name: string; data: number[] }>;
}

/** How the page looks: the colour scheme, the type step (fs-0…fs-3) and 关怀模式. */
export interface ChartLook {
  dark: boolean;
  fontStep: 0 | 1 | 2 | 3;
  care: boolean;
}

/** The canvas in CSS pixels, and the screen's pixels per CSS pixel. */
export interface ChartBox {
  width: number;
  height: number;
  pixelRatio: number;
}

/** Axis and label type in CSS px for each type step: never below 12 px, growing with the page's own type. */
export const CHART_FONT_PX = [12, 13, 15, 17] as const;

/** The app's theme variables (app.wxss) for a canvas, which cannot read CSS: series in accent, blue, amber. */
export const CHART_COLOURS = {
  light: {
    background: '#ffffff',
    text: '#5c5c5c',
    careText: '#333333',
    grid: '#e4ded3',
    series: ['#b71c1c', '#1f6fb2', '#b07800'],
  },
  dark: {
    background: '#1c1c1c',
    text: '#a8a39b',
    careText: '#d6d1c8',
    grid: '#2e2e2e',
    series: ['#ef6b6b', '#6ea8dc', '#e0b050'],
  },
} as const;

/** Ticks of the value axis: 0 to a round maximum in `splits` equal whole steps (1, 2, 2.5 or 5 × 10ⁿ each). */
export function niceMax(max: number, splits: number): number {
  const raw = Math.max(1, Math.ceil(Math.max(0, max) / splits));
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).filter(Number.isInteger);
  return (steps.find((s) => s >= raw) ?? raw) * splits;
}

const SPLITS = 4;
/** A daily line shows at most this many day labels; the rest of the days are still points. */
const MAX_DAY_LABELS = 6;
/** Values are written on the bars, and on a line's points while there are few. */
const MAX_LINE_LABELS = 7;

/** uCharts' options for `spec` (all but the context, which only the drawing component has). */
export function chartOptions(spec: ChartSpec, look: ChartLook, box: ChartBox): Omit<ChartOptions, 'context'> {
  const colours = CHART_COLOURS[look.dark ? 'dark' : 'light'];
  const text = look.care ? colours.careText : colours.text;
  const fontSize = CHART_FONT_PX[look.fontStep];
  const top = Math.max(0, ...spec.series.flatMap((s) => s.data));
  const max = niceMax(top, SPLITS);
  const manyPoints = spec.type === 'line' && spec.categories.length > MAX_LINE_LABELS;
  const label = { fontColor: text, fontSize };
  return {
    type: spec.type,
    canvas2d: true,
    // uCharts draws in canvas pixels: the canvas is CSS size × pixelRatio, and type is scaled by pixelRatio.
    width: Math.round(box.width * box.pixelRatio),
    height: Math.round(box.height * box.pixelRatio),
    pixelRatio: box.pixelRatio,
    categories: [...spec.categories],
    series: spec.series.map((s, i) => ({
      name: s.name,
      data: [...s.data],
      color: colours.series[i % colours.series.length] as string,
      formatter: (value: number) => formatFigure(value),
    })),
    // Never empty: uCharts paints an empty background white, which dark mode must not show.
    background: colours.background,
    color: [...colours.series],
    fontSize,
    fontColor: text,
    animation: false,
    dataLabel: !manyPoints,
    dataPointShape: !manyPoints,
    // The last day's label is centred on the right edge: room for half of it.
    padding: [fontSize, spec.type === 'line' ? fontSize * 2 : fontSize, 4, 4],
    legend: { show: spec.series.length > 1, position: 'top', fontColor: text, fontSize, lineHeight: fontSize + 4 },
    xAxis: {
      disableGrid: spec.type !== 'bar',
      gridColor: colours.grid,
      axisLineColor: colours.grid,
      fontColor: text,
      fontSize,
      ...(spec.type === 'line' && {
        labelCount: Math.min(spec.categories.length, MAX_DAY_LABELS),
        boundaryGap: 'justify' as const,
      }),
      // A horizontal bar chart's value axis is x: whole steps from 0.
      ...(spec.type === 'bar' && { min: 0, max, splitNumber: SPLITS }),
    },
    yAxis: {
      gridType: 'dash',
      gridColor: colours.grid,
      splitNumber: SPLITS,
      // A bar chart's y axis is its categories; the others count from 0 in whole steps.
      data: spec.type === 'bar' ? [] : [{ ...label, min: 0, max, formatter: (value: number) => formatFigure(value) }],
    },
    extra: {
      line: { type: 'straight', width: 2, activeType: 'hollow' },
      column: { type: 'group', width: Math.max(8, Math.round(box.width / (spec.categories.length * 3 + 1))) },
      bar: { type: 'group', width: Math.max(8, fontSize) },
      tooltip: { showBox: true, bgColor: look.dark ? '#000000' : '#333333', fontColor: '#ffffff' },
    },
  };
}
