import { broken, exitCodeOf, type Figure, judge, renderTable } from '../../scripts/bench/budget';

const figure = (over: Partial<Figure>): Figure => ({
  group: 2,
  name: 'main package',
  value: 344,
  unit: 'KB',
  budget: { max: 300 },
  ...over,
});

const rowOf = (table: string, name: string) => table.split('\n').find((line) => line.includes(name)) ?? '';

describe('bench budgets', () => {
  test('a figure over its maximum is FAIL in the table and makes the bench exit 1', () => {
    const judged = [figure({ name: 'p99', value: 12, unit: 'ms', budget: { max: 50 } }), figure({})].map(judge);
    expect(judged.map((f) => f.pass)).toEqual([true, false]);
    const table = renderTable(judged);
    expect(rowOf(table, 'main package')).toMatch(/344 KB\s+\|\s+≤ 300 KB\s+\|\s+FAIL/);
    expect(rowOf(table, 'p99')).toMatch(/\|\s+pass\s+\|$/);
    expect(exitCodeOf(judged)).toBe(1);
  });

  test('a figure under its minimum fails; at the budget it passes; report-only rows never fail the bench', () => {
    const judged = [
      figure({ name: 'speedup', value: 99.9, unit: '×', budget: { min: 100 } }),
      figure({ name: 'at', value: 300 }),
      figure({ name: 'staff', value: 9000, budget: null }),
    ].map(judge);
    expect(judged.map((f) => f.pass)).toEqual([false, true, null]);
    expect(exitCodeOf(judged.slice(1))).toBe(0);
    expect(exitCodeOf(judged)).toBe(1);
  });

  test('a figure that could not be measured is a miss, with the error as its note', () => {
    const judged = [judge(broken(8, 'load', new Error('server did not start')))];
    expect(judged[0]?.pass).toBe(false);
    expect(renderTable(judged)).toContain('- 8 load: server did not start');
    expect(exitCodeOf(judged)).toBe(1);
  });
});
