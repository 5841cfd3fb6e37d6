import {
  type ArticleRow,
  type ChannelKind,
  type ChannelRow,
  type DayPoint,
  MATRIX_CHANNELS,
  type MatrixChannel,
  type NodeRow,
  type StatsFigures,
  type StatsRange,
  type StatsSort,
} from '../../typings/contract';
import type { ChannelRecord } from '../channels/port';
import type { InstallmentRecord } from '../content/port';
import { CHANNELS, channelLabel } from '../track/channels';
import { showDay } from '../track/day';
import {
  addCounts,
  DAILY_COUNTERS,
  type DailyCounts,
  TOTAL_COUNTERS,
  type TotalCounts,
  zeroCounts,
} from '../track/model';
import type { ChannelTotal, CounterCell } from '../track/port';
import { figuresOf, figuresOfTotals, sumCells } from './figures';
import { type DaySpan, daysOf } from './periods';
import type { StatsStore } from './port';

/** One speech as statistics name it. */
export type Speech = Omit<ArticleRow, keyof StatsFigures>;

/** Every speech of every stored installment, newest installment first, in print order. */
export const speechesOf = (installments: InstallmentRecord[]): Speech[] =>
  installments.flatMap((i) =>
    i.articles.map((a) => ({ id: a.id, title: a.title, speaker: a.speaker.name, installmentId: i.id })),
  );

const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
};

/**
 * The counters one range reads: a bounded range its days' cells; `all` the totals and channel sums. Either way
 * only counters, never the ledger.
 */
export type RangeCounters =
  | { kind: 'days'; span: DaySpan; cells: CounterCell[] }
  | { kind: 'all'; totals: Map<string, TotalCounts>; channels: ChannelTotal[] };

export async function countersOf(stats: StatsStore, span: DaySpan | null): Promise<RangeCounters> {
  if (span !== null) return { kind: 'days', span, cells: await stats.cells(span) };
  const [totals, channels] = await Promise.all([stats.totals(), stats.channelTotals()]);
  return { kind: 'all', totals, channels };
}

/** The site's figures: readers are site-wide, named and anonymous apart (siteUv/siteAnonUv a day; siteNew… ever). */
export function siteFigures(c: RangeCounters): StatsFigures {
  if (c.kind === 'days') {
    const sum = sumCells(c.cells);
    return { ...figuresOf(sum, sum.siteUv), anonUv: sum.siteAnonUv };
  }
  const sum = zeroCounts(TOTAL_COUNTERS);
  for (const t of c.totals.values()) addCounts(sum, t);
  return { ...figuresOfTotals(sum, sum.siteNewUv), anonUv: sum.siteNewAnonUv };
}

/** One speech's figures: readers distinct per speech (uv a day; the uv total ever). */
export function speechFigures(c: RangeCounters, articleId: string): StatsFigures {
  if (c.kind === 'days') {
    const sum = sumCells(c.cells.filter((cell) => cell.articleId === articleId));
    return figuresOf(sum, sum.uv);
  }
  const totals = c.totals.get(articleId) ?? zeroCounts(TOTAL_COUNTERS);
  return figuresOfTotals(totals, totals.uv);
}

/** pv and readers per day of `span`: site-wide readers, or one speech's when `articleId` is given. */
export function seriesOf(cells: CounterCell[], span: DaySpan, articleId?: string): DayPoint[] {
  const byDay = groupBy(
    cells.filter((c) => articleId === undefined || c.articleId === articleId),
    (c) => c.day,
  );
  return daysOf(span).map((day) => {
    const sum = sumCells(byDay.get(day) ?? []);
    return { day: showDay(day), pv: sum.pv, uv: articleId === undefined ? sum.siteUv : sum.uv };
  });
}

/** Each channel's daily counters summed over the range (over every day for `all`), for one speech or all. */
export function channelSums(c: RangeCounters, articleId?: string): Map<string, DailyCounts> {
  const sums = new Map<string, DailyCounts>();
  const rows = c.kind === 'days' ? c.cells : c.channels;
  for (const row of rows) {
    if (articleId !== undefined && row.articleId !== articleId) continue;
    const sum = sums.get(row.channel) ?? zeroCounts(DAILY_COUNTERS);
    addCounts(sum, row.counts);
    sums.set(row.channel, sum);
  }
  return sums;
}

/**
 * A channel's readers: under the channel of their first opening each day, added up over a bounded range; ever, the
 * first openings, which are counted under one channel each and so add up to distinct readers.
 */
export const channelReaders = (c: RangeCounters, sum: DailyCounts): number => (c.kind === 'days' ? sum.uv : sum.newUv);

/**
 * Every channel there is, with a row even when nothing came through it: the built-in ones, those staff made (retired
 * ones too: their codes still count), then any others the counters name.
 */
export function channelRows(c: RangeCounters, custom: ChannelRecord[], articleId?: string): ChannelRow[] {
  const sums = channelSums(c, articleId);
  const made = new Map(custom.map((ch) => [ch.code, ch]));
  const codes = [
    ...Object.keys(CHANNELS),
    ...made.keys(),
    ...[...sums.keys()].filter((code) => !Object.hasOwn(CHANNELS, code) && !made.has(code)),
  ];
  return codes.map((channel): ChannelRow => {
    const sum = sums.get(channel) ?? zeroCounts(DAILY_COUNTERS);
    const figures = { pv: sum.pv, uv: channelReaders(c, sum), anonPv: sum.anonPv };
    const own = made.get(channel);
    if (own !== undefined) return { channel, label: own.name, kind: 'custom', type: own.type, ...figures };
    const known = Object.hasOwn(CHANNELS, channel) ? CHANNELS[channel as keyof typeof CHANNELS] : null;
    return {
      channel,
      label: known?.label ?? channelLabel(channel),
      kind: (known?.kind ?? 'unknown') as ChannelKind,
      ...figures,
    };
  });
}

/** The matrix's six nodes, each with its own code and the channels staff made of it. */
export function nodeRows(rows: ChannelRow[]): NodeRow[] {
  return (Object.keys(MATRIX_CHANNELS) as MatrixChannel[]).map((type) => {
    const of = rows.filter((r) => r.channel === type || r.type === type);
    const sum = (k: 'pv' | 'uv' | 'anonPv') => of.reduce((n, r) => n + r[k], 0);
    return { type, label: MATRIX_CHANNELS[type], pv: sum('pv'), uv: sum('uv'), anonPv: sum('anonPv') };
  });
}

const sortValue = (row: ArticleRow, sort: StatsSort): number =>
  sort === 'completionRate' ? (row.completionRate ?? -1) : row[sort];

/** Speeches by the chosen figure, highest first; ties keep print order. */
export const rank = (rows: ArticleRow[], sort: StatsSort): ArticleRow[] =>
  rows
    .map((row, i) => ({ row, i }))
    .sort((a, b) => sortValue(b.row, sort) - sortValue(a.row, sort) || a.i - b.i)
    .map(({ row }) => row);

export const RANGE_LABEL: Record<StatsRange, string> = { today: '今日', '7d': '近7天', '30d': '近30天', all: '累计' };
