/** Figure 2: the compiled packages (miniprogram-ci, offline, as npm run size measures them). */
import { repoRoot } from '../../build/paths';
import { compilePackages } from '../../mp/compile';
import { bytesOf, MAIN_BUDGET_BYTES, packageOf } from '../../mp/packages';
import { quietly } from '../../mp/quiet';
import type { Figure } from '../budget';

const MAIN_MAX_KB = MAIN_BUDGET_BYTES / 1024;
/** uCharts' own banner and class name: a main-package file carrying them carries the chart library. */
const CHART_LIBRARY = /uCharts|u-charts/;

export async function packages(): Promise<Figure[]> {
  const { files, roots, sizes } = (await quietly(() => compilePackages(repoRoot))).value;
  const kb = (name: string) => (sizes.find((s) => s.name === name)?.bytes ?? Number.NaN) / 1024;
  const charted = Object.entries(files).filter(
    ([file, content]) =>
      packageOf(file, roots) === 'main' && (CHART_LIBRARY.test(file) || CHART_LIBRARY.test(String(content))),
  );
  const largest = Object.entries(files)
    .filter(([file]) => packageOf(file, roots) === 'main')
    .map(([file, content]) => ({ file, kb: bytesOf(content) / 1024 }))
    .sort((a, b) => b.kb - a.kb)
    .slice(0, 3);
  const main = kb('main');
  return [
    {
      group: 2,
      name: 'main package (compiled)',
      value: main,
      unit: 'KB',
      budget: { max: MAIN_MAX_KB },
      ...(main > MAIN_MAX_KB && {
        note: `Largest main-package files: ${largest.map((l) => `${l.file} ${l.kb.toFixed(1)} KB`).join(', ')}`,
      }),
    },
    ...roots.map(
      (root): Figure => ({ group: 2, name: `subpackage ${root}`, value: kb(root), unit: 'KB', budget: null }),
    ),
    {
      group: 2,
      name: 'main-package files carrying the chart library',
      value: charted.length,
      unit: 'files',
      budget: { max: 0 },
      ...(charted.length > 0 && { note: charted.map(([f]) => f).join(', ') }),
    },
  ];
}
