import type { StatsRange } from '../../typings/contract/stats';
import type { ChannelRecord } from '../channels/port';
import { channelLabel } from '../track/channels';
import { figuresOf } from './figures';
import { uvNote } from './periods';
import { channelReaders, channelSums, type RangeCounters, type Speech, speechFigures } from './report';

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

/**
 * One row per speech × channel that brought anyone, then the speech's total. Readers in a speech's total are distinct
 * for that speech (each day's, added up over a bounded range, as the page says); a channel's row counts readers under
 * the channel they first came through that day (ever, for `all`).
 */
export function exportRows(
  speeches: Speech[],
  counters: RangeCounters,
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
    for (const [channel, sum] of [...channelSums(counters, s.id)].sort(([a], [b]) => a.localeCompare(b))) {
      const label = names.get(channel) ?? channelLabel(channel);
      rows.push([...base, label, channel, ...figures(figuresOf(sum, channelReaders(counters, sum)))]);
    }
    rows.push([...base, TOTAL_ROW, '', ...figures(speechFigures(counters, s.id))]);
  }
  return rows;
}
