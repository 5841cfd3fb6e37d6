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
import { addCounts, type DailyCounter, TOTAL_COUNTERS, type TotalCounts, zeroCounts } from '../track/model';
import { FIGURE_COUNTERS, figuresOf, figuresOfTotals, sumCells } from './figures';
import { type DaySpan, daysOf } from './periods';
import type { CounterSum, StatsStore } from './port';
import { sumsOf } from './sums';

/** One speech as statistics name it. */
export type Speech = Omit<ArticleRow, keyof StatsFigures>;

/** Every speech of every stored installment, newest installment first, in print order. */
export const speechesOf = (installments: InstallmentRecord[]): Speech[] =>
  installments.flatMap((i) =>
    i.articles.map((a) => ({ id: a.id, title: a.title, speaker: a.speaker.name, installmentId: i.id })),
  );

/** Where a range's figures come from: a bounded range from its days' cells, `all` from the totals. */
export type RangeKind = 'days' | 'all';

/** The days a query of `span` asks for: its days, or every day for `all`. */
export const queryDays = (span: DaySpan | null) =>
  span === null ? ('all' as const) : { from: span.from, to: span.to };

/** What the site's figures and series read: readers once a day across every speech. */
export const SITE_COUNTERS = [...FIGURE_COUNTERS, 'siteUv', 'siteAnonUv'] as const;
export type SiteCounter = (typeof SITE_COUNTERS)[number];
/** What a speech's figures read: its own readers. */
export const SPEECH_COUNTERS = [...FIGURE_COUNTERS, 'uv'] as const;
export type SpeechCounter = (typeof SPEECH_COUNTERS)[number];
/** What a channel's figures read (and a speech's, read along with its channels): readers of the day, and ever. */
export const CHANNEL_COUNTERS = [...FIGURE_COUNTERS, 'uv', 'newUv'] as const;
export type ChannelCounter = (typeof CHANNEL_COUNTERS)[number];
export type ChannelSums = Map<string, Record<ChannelCounter, number>>;

/** One scope's counters (the site's, or one speech's) over a range: its days' cells summed, or its totals. */
export type ScopeCounters<C extends DailyCounter> =
  | { kind: 'days'; sum: Record<C, number> }
  | { kind: 'all'; totals: TotalCounts };

/** The site's counters over a range: every speech's cells of its days summed, or every speech's totals summed. */
export async function siteCounters(stats: StatsStore, span: DaySpan | null): Promise<ScopeCounters<SiteCounter>> {
  if (span !== null) {
    const rows = await stats.sums({ days: queryDays(span), by: [], counters: SITE_COUNTERS });
    return { kind: 'days', sum: sumCells(rows, SITE_COUNTERS) };
  }
  const totals = zeroCounts(TOTAL_COUNTERS);
  for (const t of (await stats.totals()).values()) addCounts(totals, t);
  return { kind: 'all', totals };
}

/** Each speech's counters over a range, for any id (zero for a speech nothing was counted for). */
export async function speechCounters(
  stats: StatsStore,
  span: DaySpan | null,
): Promise<(articleId: string) => ScopeCounters<SpeechCounter>> {
  const of = new Map<string, ScopeCounters<SpeechCounter>>();
  if (span === null) {
    for (const [id, totals] of await stats.totals()) of.set(id, { kind: 'all', totals });
  } else {
    for (const row of await stats.sums({ days: queryDays(span), by: ['article'], counters: SPEECH_COUNTERS })) {
      of.set(row.articleId, { kind: 'days', sum: row.counts });
    }
  }
  return (articleId) =>
    of.get(articleId) ??
    (span === null
      ? { kind: 'all', totals: zeroCounts(TOTAL_COUNTERS) }
      : { kind: 'days', sum: zeroCounts(SPEECH_COUNTERS) });
}

/** The site's figures: readers are site-wide, named and anonymous apart (siteUv/siteAnonUv a day; siteNew… ever). */
export function siteFigures(c: ScopeCounters<SiteCounter>): StatsFigures {
  if (c.kind === 'days') return { ...figuresOf(c.sum, c.sum.siteUv), anonUv: c.sum.siteAnonUv };
  return { ...figuresOfTotals(c.totals, c.totals.siteNewUv), anonUv: c.totals.siteNewAnonUv };
}

/** One speech's figures: readers distinct per speech (uv a day; the uv total ever). */
export const speechFigures = (c: ScopeCounters<SpeechCounter>): StatsFigures =>
  c.kind === 'days' ? figuresOf(c.sum, c.sum.uv) : figuresOfTotals(c.totals, c.totals.uv);

/** pv and readers per day of `span` from sums by day: site-wide readers, or one speech's. */
function pointsOf(rows: ReadonlyArray<CounterSum<'pv' | 'siteUv'>>, span: DaySpan, uv: 'site'): DayPoint[];
function pointsOf(rows: ReadonlyArray<CounterSum<'pv' | 'uv'>>, span: DaySpan, uv: 'speech'): DayPoint[];
function pointsOf(rows: ReadonlyArray<CounterSum<'pv'>>, span: DaySpan, uv: 'site' | 'speech'): DayPoint[] {
  const byDay = new Map(rows.map((row) => [row.day, row.counts as Record<'pv' | 'uv' | 'siteUv', number>]));
  return daysOf(span).map((day) => {
    const sum = byDay.get(day);
    return { day: showDay(day), pv: sum?.pv ?? 0, uv: (uv === 'site' ? sum?.siteUv : sum?.uv) ?? 0 };
  });
}

const channelMap = (rows: ReadonlyArray<CounterSum<ChannelCounter>>): ChannelSums =>
  new Map(rows.map((row) => [row.channel, row.counts]));

/**
 * The site's counters over a range and its daily series: the range's own days, or `series` for `all`. A bounded
 * range's counters are its days' sums added up, so one query answers both.
 */
export async function siteReport(
  stats: StatsStore,
  span: DaySpan | null,
  series: DaySpan,
): Promise<{ counters: ScopeCounters<SiteCounter>; series: DayPoint[] }> {
  const days = span ?? series;
  const [rows, all] = await Promise.all([
    stats.sums({ days: { from: days.from, to: days.to }, by: ['day'], counters: SITE_COUNTERS }),
    span === null ? siteCounters(stats, null) : null,
  ]);
  return {
    counters: all ?? { kind: 'days', sum: sumCells(rows, SITE_COUNTERS) },
    series: pointsOf(rows, days, 'site'),
  };
}

/**
 * One speech over a range: its counters, its daily series (the range's days, or `series` for `all`) and its
 * channels. A bounded range is one query, by day and channel, for all three.
 */
export async function speechReport(
  stats: StatsStore,
  span: DaySpan | null,
  series: DaySpan,
  articleId: string,
): Promise<{ counters: ScopeCounters<SpeechCounter>; series: DayPoint[]; channels: ChannelSums }> {
  const counters = CHANNEL_COUNTERS;
  if (span !== null) {
    const days = { from: span.from, to: span.to };
    const rows = await stats.sums({ days, by: ['day', 'channel'], articleId, counters });
    return {
      counters: { kind: 'days', sum: sumCells(rows, counters) },
      series: pointsOf(sumsOf(rows, { days, by: ['day'], counters }), span, 'speech'),
      channels: channelMap(sumsOf(rows, { days, by: ['channel'], counters })),
    };
  }
  const [totals, channels, days] = await Promise.all([
    stats.totals(),
    stats.sums({ days: 'all', by: ['channel'], articleId, counters }),
    stats.sums({ days: { from: series.from, to: series.to }, by: ['day'], articleId, counters: ['pv', 'uv'] }),
  ]);
  return {
    counters: { kind: 'all', totals: totals.get(articleId) ?? zeroCounts(TOTAL_COUNTERS) },
    series: pointsOf(days, series, 'speech'),
    channels: channelMap(channels),
  };
}

/** Each channel's daily counters summed over the range (over every day for `all`), every speech's together. */
export async function channelSums(stats: StatsStore, span: DaySpan | null): Promise<ChannelSums> {
  return channelMap(await stats.sums({ days: queryDays(span), by: ['channel'], counters: CHANNEL_COUNTERS }));
}

/**
 * A channel's readers: under the channel of their first opening each day, added up over a bounded range; ever, the
 * first openings, which are counted under one channel each and so add up to distinct readers.
 */
export const channelReaders = (kind: RangeKind, sum: Record<'uv' | 'newUv', number>): number =>
  kind === 'days' ? sum.uv : sum.newUv;

/**
 * Every channel there is, with a row even when nothing came through it: the built-in ones, those staff made (retired
 * ones too: their codes still count), then any others the counters name.
 */
export function channelRows(kind: RangeKind, sums: ChannelSums, custom: ChannelRecord[]): ChannelRow[] {
  const made = new Map(custom.map((ch) => [ch.code, ch]));
  const codes = [
    ...Object.keys(CHANNELS),
    ...made.keys(),
    ...[...sums.keys()].filter((code) => !Object.hasOwn(CHANNELS, code) && !made.has(code)),
  ];
  return codes.map((channel): ChannelRow => {
    const sum = sums.get(channel) ?? zeroCounts(CHANNEL_COUNTERS);
    const figures = { pv: sum.pv, uv: channelReaders(kind, sum), anonPv: sum.anonPv };
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
