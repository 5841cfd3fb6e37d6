/** Figure 4: runs the page benches in jest (scripts/bench/app-first-render.bench.ts) and collects their figures. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../build/paths';
import type { Figure } from '../budget';
import { PARTS_ENV, readParts } from '../parts';

export async function firstRender(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-parts-'));
  try {
    const jest = spawnSync('npx', ['jest', '-c', 'scripts/bench/jest.config.js', '--runInBand'], {
      cwd: repoRoot,
      env: { ...process.env, [PARTS_ENV]: dir },
      encoding: 'utf8',
    });
    if (jest.status !== 0) throw new Error(`page benches failed:\n${jest.stderr.slice(-3000)}`);
    return readParts(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
