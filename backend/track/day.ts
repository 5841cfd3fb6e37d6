import type { DayKey } from './model';

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The China-time (UTC+8, no daylight saving) calendar day of an instant. */
/** The China clock time of an instant, as `HHMM` (for file names beside a China day). */
export const clockOf = (ms: number): string =>
  new Date(ms + CHINA_OFFSET_MS).toISOString().slice(11, 16).replace(':', '');

export const dayOf = (ms: number): DayKey =>
  new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '');

/** The day `n` days after `day` (before, for a negative n). */
export const addDays = (day: DayKey, n: number): DayKey => {
  const noon = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8)), 12);
  return dayOf(noon - CHINA_OFFSET_MS + n * DAY_MS);
};

/** 'YYYYMMDD' → 'YYYY-MM-DD', for people. */
export const showDay = (day: DayKey): string => `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
