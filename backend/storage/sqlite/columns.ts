import { DAILY_COUNTERS, TOTAL_COUNTERS } from '../../track/model';

/** A counter's column: its name in snake_case (`shareReads` → `share_reads`). */
export const columnOf = (name: string): string => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Columns of `article_daily` (one per daily counter) and of `article_stats` (one per total), from the model. */
export const DAILY_COLUMNS = DAILY_COUNTERS.map(columnOf);
export const TOTAL_COLUMNS = TOTAL_COUNTERS.map(columnOf);

type Row = Record<string, unknown>;

/** The named counters of a row read with their columns. */
export const countsOf = <C extends string>(row: Row, names: readonly C[]): Record<C, number> =>
  Object.fromEntries(names.map((c) => [c, Number(row[columnOf(c)] ?? 0)])) as Record<C, number>;

/** Statement parameters for the named counters, 0 where `counts` has none. */
export const paramsOf = <C extends string>(counts: Partial<Record<C, number>>, names: readonly C[]) =>
  Object.fromEntries(names.map((c) => [columnOf(c), counts[c] ?? 0]));
