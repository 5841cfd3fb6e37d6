/**
 * Figures and their budgets: what `npm run bench` measured, the budget it is held to, and whether it met it.
 * A figure without a budget is reported only. Budgets live with the figures that measure them, never relaxed here.
 */
export type Budget = { max: number } | { min: number } | null;

export interface Figure {
  /** The figure number (1–9), for grouping. */
  group: number;
  name: string;
  value: number;
  unit: string;
  budget: Budget;
  /** Why it is what it is, when a reader of the table needs to know (a miss, a caveat). */
  note?: string;
}

export interface Judged extends Figure {
  /** null: reported only. */
  pass: boolean | null;
}

export const judge = (f: Figure): Judged => ({
  ...f,
  pass:
    f.budget === null
      ? null
      : Number.isFinite(f.value) && ('max' in f.budget ? f.value <= f.budget.max : f.value >= f.budget.min),
});

/** A figure that could not be measured: a miss, with the error as its note. */
export const broken = (group: number, name: string, error: unknown): Figure => ({
  group,
  name,
  value: Number.NaN,
  unit: '',
  budget: { max: Number.NaN },
  note: error instanceof Error ? error.message : String(error),
});

const num = (n: number): string =>
  !Number.isFinite(n) ? '—' : Number.isInteger(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3);

const budgetText = (b: Budget, unit: string): string =>
  b === null ? '' : 'max' in b ? `≤ ${num(b.max)} ${unit}`.trim() : `≥ ${num(b.min)} ${unit}`.trim();

/** East Asian wide characters take two columns in a terminal. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

const verdict = (pass: boolean | null): string => (pass === null ? '' : pass ? 'pass' : 'FAIL');

/** The table as printed: one row per figure, in the order measured. */
export function renderTable(figures: readonly Judged[]): string {
  const rows = figures.map((f) => [
    String(f.group),
    f.name,
    `${num(f.value)} ${f.unit}`.trim(),
    budgetText(f.budget, f.unit),
    verdict(f.pass),
  ]);
  const head = ['#', 'figure', 'measured', 'budget', 'result'];
  const width = (s: string) => [...s].reduce((n, c) => n + (WIDE.test(c) ? 2 : 1), 0);
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] as string))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat((widths[i] as number) - width(c))).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.group} ${f.name}: ${f.note}`);
  return [line(head), rule, ...rows.map(line), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

/** Non-zero when any budget is missed (or a figure could not be measured). */
export const exitCodeOf = (figures: readonly Judged[]): number => (figures.some((f) => f.pass === false) ? 1 : 0);
