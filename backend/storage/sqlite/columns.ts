import { DAILY_COUNTERS, TOTAL_COUNTERS } from '../../track/model';

const columns = new Map<string, string>();

/** A counter's column: its name in snake_case (`shareReads` → `share_reads`), worked out once per name. */
export const columnOf = (name: string): string => {
  let column = columns.get(name);
  if (column === undefined) {
    column = name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    columns.set(name, column);
  }
  return column;
};

/** Columns of `article_daily` (one per daily counter) and of `article_stats` (one per total), from the model. */
export const DAILY_COLUMNS = DAILY_COUNTERS.map(columnOf);
export const TOTAL_COLUMNS = TOTAL_COUNTERS.map(columnOf);

type Row = Record<string, unknown>;

/** The named counters of a row read with their columns. */
export const countsOf = <C extends string>(row: Row, names: readonly C[]): Record<C, number> => {
  const counts = {} as Record<C, number>;
  for (const c of names) counts[c] = Number(row[columnOf(c)] ?? 0);
  return counts;
};

/** Statement parameters for the named counters, 0 where `counts` has none. */
export const paramsOf = <C extends string>(counts: Partial<Record<C, number>>, names: readonly C[]) => {
  const params: Record<string, number> = {};
  for (const c of names) params[columnOf(c)] = counts[c] ?? 0;
  return params;
};
