import type { StatsPeriod, StatsRange } from '../../typings/contract';
import { addDays, dayOf, showDay } from '../track/day';
import type { DayKey } from '../track/model';

/** A range as days [from, to), in China time. */
export interface DaySpan {
  from: DayKey;
  to: DayKey;
  days: number;
}

const LENGTH: Record<Exclude<StatsRange, 'all'>, number> = { today: 1, '7d': 7, '30d': 30 };

/** Days a daily series shows when the range has no start (`all`): the last 30. */
export const SERIES_DAYS_FOR_ALL = 30;

/** The days a range covers at `now`, today included; null for `all`. */
export function spanOf(range: StatsRange, now: Date): DaySpan | null {
  if (range === 'all') return null;
  const days = LENGTH[range];
  const to = addDays(dayOf(now.getTime()), 1);
  return { from: addDays(to, -days), to, days };
}

/** The span of the same length just before. */
export const previousOf = (span: DaySpan): DaySpan => ({
  from: addDays(span.from, -span.days),
  to: span.from,
  days: span.days,
});

/** The days a daily series of the range shows. */
export const seriesSpan = (range: StatsRange, now: Date): DaySpan => {
  const span = spanOf(range, now);
  if (span !== null) return span;
  const to = addDays(dayOf(now.getTime()), 1);
  return { from: addDays(to, -SERIES_DAYS_FOR_ALL), to, days: SERIES_DAYS_FOR_ALL };
};

export const periodOf = (span: DaySpan | null): StatsPeriod | null =>
  span === null ? null : { from: showDay(span.from), to: showDay(addDays(span.to, -1)), days: span.days };

export function daysOf(span: DaySpan): DayKey[] {
  const days: DayKey[] = [];
  for (let day = span.from; day < span.to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** How readers were counted, in the page's words. */
export function uvNote(range: StatsRange, scope: 'site' | 'speech' | 'channel'): { uvExact: boolean; uvNote: string } {
  const unit = { site: '', speech: '（每篇分别去重）', channel: '（每篇每个渠道分别去重）' }[scope];
  if (range === 'today') return { uvExact: true, uvNote: `今日读者为当天去重后的人数${unit}。` };
  if (range === 'all') return { uvExact: true, uvNote: `累计读者为去重后的人数${unit}。` };
  return {
    uvExact: false,
    uvNote: `多日读者为每天去重后相加：同一读者在不同日子读过，各计一次${unit}。`,
  };
}
