import type { StatsRange } from '../../typings/contract/stats';
import type { ChannelRecord } from '../channels/port';
import { channelLabel } from '../track/channels';
import { addCounts, zeroCounts } from '../track/model';
import { figuresOf } from './figures';
import { type DaySpan, uvNote } from './periods';
import type { StatsStore } from './port';
import {
  CHANNEL_COUNTERS,
  type ChannelCounter,
  type ChannelSums,
  channelReaders,
  queryDays,
  type RangeKind,
  type ScopeCounters,
  SPEECH_COUNTERS,
  type Speech,
  type SpeechCounter,
  speechCounters,
  speechFigures,
} from './report';

export const EXPORT_HEADER = [
  '期次',
  '文章编号',
  '标题',
  '发言人',
  '渠道',
  '渠道代码',
  '阅读数',
  '读者数',
  '匿名阅读数',
  '分享数',
  '经分享阅读数',
  '再分享数',
  '读完数',
  '读完率',
] as const;

/**
 * The header for a range: over 7 or 30 days distinct readers cannot be added up, so the column says what it holds
 * (reader-days), as the page's note does.
 */
export function exportHeader(range: StatsRange): readonly string[] {
  if (uvNote(range, 'speech').uvExact) return EXPORT_HEADER;
  return EXPORT_HEADER.map((name) => (name === '读者数' ? '读者数（每日去重相加）' : name));
}

/** The label of a speech's row of totals, in the 渠道 column. */
export const TOTAL_ROW = '合计';

/** What an export reads: each speech's counters per channel, and each speech's own. */
export interface ExportCounters {
  kind: RangeKind;
  channels: Map<string, ChannelSums>;
  speech: (articleId: string) => ScopeCounters<SpeechCounter>;
}

/**
 * A bounded range's counters summed by speech × channel (a speech's own are the sum of its channels); `all` the
 * channel totals and the speeches' totals.
 */
export async function exportCounters(stats: StatsStore, span: DaySpan | null): Promise<ExportCounters> {
  const [rows, totals] = await Promise.all([
    stats.sums({ days: queryDays(span), by: ['article', 'channel'], counters: CHANNEL_COUNTERS }),
    span === null ? speechCounters(stats, null) : null,
  ]);
  const channels = new Map<string, ChannelSums>();
  const sums = new Map<string, Record<ChannelCounter, number>>();
  for (const row of rows) {
    const of: ChannelSums = channels.get(row.articleId) ?? new Map();
    of.set(row.channel, row.counts);
    channels.set(row.articleId, of);
    const sum = sums.get(row.articleId) ?? zeroCounts(CHANNEL_COUNTERS);
    addCounts(sum, row.counts);
    sums.set(row.articleId, sum);
  }
  const speech =
    totals ??
    ((id: string): ScopeCounters<SpeechCounter> => ({
      kind: 'days',
      sum: sums.get(id) ?? zeroCounts(SPEECH_COUNTERS),
    }));
  return { kind: span === null ? 'all' : 'days', channels, speech };
}

/**
 * One row per speech × channel that brought anyone, then the speech's total. Readers in a speech's total are distinct
 * for that speech (each day's, added up over a bounded range, as the page says); a channel's row counts readers under
 * the channel they first came through that day (ever, for `all`).
 */
export function exportRows(
  speeches: Speech[],
  counters: ExportCounters,
  custom: ChannelRecord[],
): Array<Array<string | number | null>> {
  const names = new Map(custom.map((c) => [c.code, c.name]));
  const rows: Array<Array<string | number | null>> = [];
  for (const s of speeches) {
    const base = [s.installmentId, s.id, s.title, s.speaker];
    const figures = (f: ReturnType<typeof figuresOf>) => [
      f.pv,
      f.uv,
      f.anonPv,
      f.shares,
      f.shareReads,
      f.reshares,
      f.completions,
      f.completionRate,
    ];
    const channels = [...(counters.channels.get(s.id) ?? [])].sort(([a], [b]) => a.localeCompare(b));
    for (const [channel, sum] of channels) {
      const label = names.get(channel) ?? channelLabel(channel);
      rows.push([...base, label, channel, ...figures(figuresOf(sum, channelReaders(counters.kind, sum)))]);
    }
    rows.push([...base, TOTAL_ROW, '', ...figures(speechFigures(counters.speech(s.id)))]);
  }
  return rows;
}
