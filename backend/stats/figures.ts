import type { StatsFigures } from '../../typings/contract';
import { addCounts, type DailyCounter, type TotalCounts, zeroCounts } from '../track/model';

/** The daily counters every set of figures is made of; each scope adds its own reader count. */
export const FIGURE_COUNTERS = [
  'pv',
  'anonPv',
  'anonUv',
  'shares',
  'shareReads',
  'reshares',
  'completions',
] as const satisfies readonly DailyCounter[];
export type FigureCounter = (typeof FIGURE_COUNTERS)[number];

/** The counters `names` summed over some sums. */
export function sumCells<C extends DailyCounter>(
  cells: ReadonlyArray<{ counts: Record<C, number> }>,
  names: readonly C[],
): Record<C, number> {
  const sum = zeroCounts(names);
  for (const cell of cells) addCounts(sum, cell.counts);
  return sum;
}

const rate = (completions: number, reads: number): number | null =>
  reads === 0 ? null : Math.round((completions / reads) * 1000) / 1000;

/** The figures of summed daily counters; `uv` is whichever reader count the caller's scope calls for. */
export const figuresOf = (sum: Record<FigureCounter, number>, uv: number): StatsFigures => ({
  pv: sum.pv,
  uv,
  shares: sum.shares,
  shareReads: sum.shareReads,
  reshares: sum.reshares,
  completions: sum.completions,
  completionRate: rate(sum.completions, sum.pv + sum.anonPv),
  anonPv: sum.anonPv,
  anonUv: sum.anonUv,
});

/** The figures of an article's (or several articles' summed) totals; `uv` chosen as above. */
export const figuresOfTotals = (t: TotalCounts, uv: number): StatsFigures => ({
  pv: t.pv,
  uv,
  shares: t.shares,
  shareReads: t.shareReads,
  reshares: t.reshares,
  completions: t.completions,
  completionRate: rate(t.completions, t.pv + t.anonPv),
  anonPv: t.anonPv,
  anonUv: t.anonUv,
});
