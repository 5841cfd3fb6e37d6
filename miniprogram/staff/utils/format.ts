import type { StatsPeriod, StatsRange } from '../../../typings/contract';

/**
 * Figures for staff, in real magnitudes (never the reader side's "10万+"): digits below 10,000, then 万 with one
 * decimal below 100万 (1.2万, 12.3万), whole 万 from there (670万), 亿 from 100,000,000 (1.2亿). Rounded down, so a
 * figure never shows more than was counted.
 */
export function formatFigure(n: number): string {
  if (!Number.isFinite(n) || n <= 0) return '0';
  const whole = Math.floor(n);
  if (whole < 10_000) return String(whole);
  if (whole >= 100_000_000) return `${trimmed(Math.floor(whole / 10_000_000) / 10)}亿`;
  if (whole >= 1_000_000) return `${Math.floor(whole / 10_000)}万`;
  return `${trimmed(Math.floor(whole / 1_000) / 10)}万`;
}

const trimmed = (n: number): string => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** A share (0…1) as a percentage with at most one decimal: 0.456 → 45.6%; none (nothing to divide by) → —. */
export function formatRate(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return '—';
  return `${trimmed(Math.round(rate * 1000) / 10)}%`;
}

export type Trend = 'up' | 'down' | 'flat' | 'new' | 'none';

export interface Change {
  text: string;
  trend: Trend;
}

/** A figure against the previous period's: ↑ 12% / ↓ 5% / 持平 / 新增 (nothing before), none without a previous period. */
export function formatChange(now: number, before: number | null | undefined): Change {
  if (before === null || before === undefined) return { text: '', trend: 'none' };
  if (now === before) return { text: '持平', trend: 'flat' };
  if (before === 0) return { text: '新增', trend: 'new' };
  const percent = Math.round((Math.abs(now - before) / before) * 100);
  const arrow = now > before ? '↑' : '↓';
  return { text: `${arrow} ${percent < 1 ? '<1' : percent}%`, trend: now > before ? 'up' : 'down' };
}

/** A rate against the previous period's, in percentage points: ↑ 3.2个百分点. */
export function formatRateChange(now: number | null, before: number | null | undefined): Change {
  if (before === undefined || now === null || before === null) return { text: '', trend: 'none' };
  const points = Math.round((now - before) * 1000) / 10;
  if (points === 0) return { text: '持平', trend: 'flat' };
  return { text: `${points > 0 ? '↑' : '↓'} ${trimmed(Math.abs(points))}个百分点`, trend: points > 0 ? 'up' : 'down' };
}

export const RANGES: ReadonlyArray<{ value: StatsRange; label: string }> = [
  { value: 'today', label: '今日' },
  { value: '7d', label: '近7天' },
  { value: '30d', label: '近30天' },
  { value: 'all', label: '累计' },
];

/** What a change is against: 较昨日 / 较前7天 / 较前30天. */
export const PREVIOUS_LABEL: Record<StatsRange, string> = {
  today: '较昨日',
  '7d': '较前7天',
  '30d': '较前30天',
  all: '',
};

/** A day of a series, 'YYYY-MM-DD' → '12-02' (the chart's axis). */
export const shortDay = (day: string): string => day.slice(5);

/** 'YYYY-MM-DD' → '2026年12月2日'. */
export function longDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The days a range covered: 2026年12月2日 / 2026年11月26日至12月2日 / 累计（自开始计数起）. */
export function periodText(period: StatsPeriod | null): string {
  if (period === null) return '累计（自开始计数起）';
  if (period.from === period.to) return longDay(period.from);
  const sameYear = period.from.slice(0, 4) === period.to.slice(0, 4);
  return `${longDay(period.from)}至${sameYear ? longDay(period.to).slice(5) : longDay(period.to)}`;
}

/** China time (UTC+8 all year) of an ISO instant, as 14:05. */
export function chinaTime(iso: string): string {
  const at = new Date(Date.parse(iso) + 8 * 3600_000);
  if (Number.isNaN(at.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}`;
}

/** 'YYYY-MM-DD HH:MM' in China time. */
export function chinaDateTime(iso: string): string {
  const at = new Date(Date.parse(iso) + 8 * 3600_000);
  if (Number.isNaN(at.getTime())) return '';
  return `${at.toISOString().slice(0, 10)} ${chinaTime(iso)}`;
}
