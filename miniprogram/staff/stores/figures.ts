import type { DayPoint, StatsFigures, StatsRange } from '../../../typings/contract';
import type { ChartSpec } from '../utils/chart-options';
import {
  type Change,
  formatChange,
  formatFigure,
  formatRate,
  formatRateChange,
  PREVIOUS_LABEL,
  shortDay,
  type Trend,
} from '../utils/format';

/** One figure card: the number, its change against the previous period, and how it was counted. */
export interface FigureCard {
  key: keyof StatsFigures;
  label: string;
  value: string;
  /** "较前7天 ↑ 12%"; empty for 累计 (no previous period) and where there is nothing to compare. */
  change: string;
  trend: Trend;
  note: string;
}

/** How each figure is counted, where it matters (readers' own note comes from the server: `uvNote`). */
export const FIGURE_NOTES = {
  pv: '读者打开发言的次数：同一读者 30 分钟内再打开不重复计',
  shares: '同一读者同一天把同一篇分享到同一处，只计一次',
  shareReads: '经别人的分享打开的阅读（含朋友圈单页读者）',
  reshares: '经分享而来的读者又分享出去的次数',
  completionRate: '读完数 ÷ 全部阅读（含朋友圈单页读者）；读到九成并停留足够时间算读完',
} as const;

const changeText = (range: StatsRange, change: Change): string =>
  change.trend === 'none' ? '' : `${PREVIOUS_LABEL[range]} ${change.text}`;

/** The cards of 概览 and of a speech's detail; `previous` null (累计, or a speech) shows no change. */
export function figureCards(
  totals: StatsFigures,
  previous: StatsFigures | null,
  range: StatsRange,
  uvNote: string,
): FigureCard[] {
  const count = (key: 'pv' | 'uv' | 'shares' | 'shareReads' | 'reshares', label: string, note: string) => {
    const change = formatChange(totals[key], previous?.[key]);
    return {
      key,
      label,
      value: formatFigure(totals[key]),
      change: changeText(range, change),
      trend: change.trend,
      note,
    };
  };
  const rateChange = formatRateChange(totals.completionRate, previous?.completionRate);
  return [
    count('pv', '阅读数', FIGURE_NOTES.pv),
    count('uv', '读者数', uvNote),
    count('shares', '分享数', FIGURE_NOTES.shares),
    count('shareReads', '经分享阅读', FIGURE_NOTES.shareReads),
    count('reshares', '再分享', FIGURE_NOTES.reshares),
    {
      key: 'completionRate',
      label: '读完率',
      value: formatRate(totals.completionRate),
      change: changeText(range, rateChange),
      trend: rateChange.trend,
      note: `读完 ${formatFigure(totals.completions)} 次。${FIGURE_NOTES.completionRate}`,
    },
  ];
}

/** 朋友圈 single-page readers: WeChat names nobody there, so they are counted apart and never in 阅读数/读者数. */
export function anonymousNote(totals: Pick<StatsFigures, 'anonPv' | 'anonUv'>): string {
  if (totals.anonPv === 0) return `${APART}；这段时间没有这类阅读。`;
  return `${APART}：这段时间有 ${formatFigure(totals.anonUv)} 人（按安装计）阅读 ${formatFigure(totals.anonPv)} 次。`;
}

const APART = '朋友圈单页模式打开的读者没有微信身份，单独计数，不计入阅读数和读者数';
/** The same, where no figure of theirs is shown. */
export const ANONYMOUS_APART = `${APART}。`;

/** A daily series as a chart: reads and readers per day (a single day as two columns). */
export function trendSpec(series: DayPoint[]): ChartSpec {
  return {
    type: series.length > 1 ? 'line' : 'column',
    categories: series.map((p) => shortDay(p.day)),
    series: [
      { name: '阅读数', data: series.map((p) => p.pv) },
      { name: '读者数', data: series.map((p) => p.uv) },
    ],
  };
}
