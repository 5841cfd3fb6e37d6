/**
 * npm run bench — every figure of issue 13 measured, held to its budget, printed as one table and written to
 * bench/results.json (git-ignored); exits 1 when a budget is missed. Speeds are medians of repeated runs, compared
 * as ratios to a baseline measured in the same run. Builds first (bundles, miniprogram_npm) unless `--no-build`.
 *
 *   npm run bench [-- --only 1,7] [--no-build]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { broken, exitCodeOf, type Figure, judge, renderTable } from './bench/budget';
import { FIGURES } from './bench/figures';
import { repoRoot } from './build/paths';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { only: { type: 'string' }, 'no-build': { type: 'boolean' } } });
  const only = values.only?.split(',').map(Number);
  const started = Date.now();
  if (values['no-build'] !== true) {
    const build = spawnSync('npx', ['tsx', 'scripts/build.ts'], {
      cwd: repoRoot,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  const figures: Figure[] = [];
  for (const { group, title, measure } of FIGURES.filter((f) => only === undefined || only.includes(f.group))) {
    const t0 = Date.now();
    process.stderr.write(`bench ${group}: ${title}…`);
    try {
      figures.push(...(await measure()));
    } catch (error) {
      figures.push(broken(group, title, error));
    }
    process.stderr.write(` ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }
  const judged = figures.map(judge);
  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(
    `\n${renderTable(judged)}\n\n${os.cpus().length} cores, node ${process.version}, ${seconds.toFixed(0)} s\n`,
  );
  const out = path.join(repoRoot, 'bench/results.json');
  mkdirSync(path.dirname(out), { recursive: true });
  const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version };
  writeFileSync(
    out,
    `${JSON.stringify({ at: new Date().toISOString(), seconds, machine, figures: judged }, null, 2)}\n`,
  );
  return exitCodeOf(judged);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
