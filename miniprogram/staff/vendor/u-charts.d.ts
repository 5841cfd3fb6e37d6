/**
 * Types for uCharts (@qiun/ucharts, which ships none), as far as the staff pages use it. The module beside this file,
 * u-charts.js, is build output: `npm run build` converts node_modules/@qiun/ucharts/u-charts.js to CommonJS there
 * (scripts/build/vendor.ts); jest and the browser preview read the package itself.
 */

/** The 2d context of a canvas 2d node (what `canvas.getContext('2d')` gives); uCharts adds its setters to it. */
export type ChartContext = object;

export type ChartType = 'line' | 'column' | 'bar' | 'area';

export interface ChartSeries {
  name: string;
  data: number[];
  color?: string;
  /** Draws the value above each point or bar. */
  formatter?: (value: number, index: number) => string;
}

export interface ChartAxisLabel {
  fontColor?: string;
  fontSize?: number;
}

export interface ChartOptions {
  type: ChartType;
  context: ChartContext;
  /** In canvas pixels (CSS size × pixelRatio). */
  width: number;
  height: number;
  pixelRatio: number;
  /** Canvas 2d: the node's own context, not the old `wx.createCanvasContext`. */
  canvas2d: boolean;
  categories: string[];
  series: ChartSeries[];
  /** An empty background is drawn white: dark mode sets its own. */
  background: string;
  color: string[];
  fontSize: number;
  fontColor: string;
  animation: boolean;
  dataLabel: boolean;
  dataPointShape?: boolean;
  /** [top, right, bottom, left] in CSS pixels. */
  padding: [number, number, number, number];
  enableScroll?: boolean;
  legend: { show: boolean; position?: 'top' | 'bottom'; fontColor?: string; fontSize?: number; lineHeight?: number };
  xAxis: {
    disableGrid?: boolean;
    gridColor?: string;
    axisLineColor?: string;
    fontColor?: string;
    fontSize?: number;
    /** How many category labels to show along the axis. */
    labelCount?: number;
    boundaryGap?: 'center' | 'justify';
    formatter?: (value: string, index: number) => string;
    /** The value axis of a horizontal bar chart. */
    min?: number;
    max?: number;
    splitNumber?: number;
  };
  yAxis: {
    disabled?: boolean;
    disableGrid?: boolean;
    gridType?: 'solid' | 'dash';
    gridColor?: string;
    splitNumber?: number;
    data?: Array<ChartAxisLabel & { min?: number; max?: number; formatter?: (value: number, index: number) => string }>;
  };
  extra?: {
    line?: { type?: 'straight' | 'curve' | 'step'; width?: number; activeType?: 'none' | 'hollow' | 'solid' };
    column?: { type?: 'group' | 'stack'; width?: number; seriesGap?: number; categoryGap?: number };
    bar?: { type?: 'group' | 'stack'; width?: number; seriesGap?: number; categoryGap?: number };
    tooltip?: { showBox?: boolean; bgColor?: string; fontColor?: string; gridColor?: string };
  };
}

export interface ToolTipOptions {
  formatter?: (item: { name: string; data: number }, category: string | undefined, index: number) => string;
}

declare class UCharts {
  constructor(options: ChartOptions);
  opts: ChartOptions;
  updateData(data: Partial<ChartOptions>): void;
  stopAnimation(): void;
  /** `event` is the canvas's touch event: touches with x, y on the canvas. */
  showToolTip(event: unknown, options?: ToolTipOptions): void;
  getCurrentDataIndex(event: unknown): number | { index: number; group: number[] };
}

export default UCharts;
