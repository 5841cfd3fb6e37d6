/** Figure 3: each cloud function's built bundle (cloudfunctions/<fn>/index.js, from npm run build). */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../build/paths';
import type { Figure } from '../budget';

const BUNDLE_MAX_KB = 150;

export async function bundles(): Promise<Figure[]> {
  const dir = path.join(repoRoot, 'cloudfunctions');
  return readdirSync(dir)
    .filter((fn) => statSync(path.join(dir, fn)).isDirectory())
    .map((fn) => ({
      group: 3,
      name: `function ${fn} index.js`,
      value: statSync(path.join(dir, fn, 'index.js')).size / 1024,
      unit: 'KB',
      budget: { max: BUNDLE_MAX_KB },
    }));
}
