import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleFunction } from './bundle';
import { BuildError } from './errors';
import { display, exists, formatBytes, subdirectories } from './paths';

/** The one package a function may leave out of its bundle: the cloud runtime installs it from package.json. */
export const RUNTIME_SDK = 'wx-server-sdk';

export interface CloudFunction {
  name: string;
  dir: string;
  entry: string;
  outfile: string;
}

/** Every `cloudfunctions/<name>/src/index.ts`, after refusing any `index.ts` left beside the built `index.js`. */
export async function findFunctions(root: string): Promise<CloudFunction[]> {
  const base = path.join(root, 'cloudfunctions');
  const found: CloudFunction[] = [];
  for (const name of await subdirectories(base)) {
    const dir = path.join(base, name);
    const stray = path.join(dir, 'index.ts');
    if (await exists(stray)) {
      throw new BuildError(
        `${display(root, stray)}: sources live only in src/ (index.js beside it is generated); move it to src/index.ts`,
      );
    }
    const entry = path.join(dir, 'src', 'index.ts');
    if (await exists(entry)) found.push({ name, dir, entry, outfile: path.join(dir, 'index.js') });
  }
  return found;
}

/** The function's package.json must declare the runtime SDK, or the deployed bundle cannot load it. */
export async function checkManifest(root: string, fn: CloudFunction): Promise<void> {
  const file = path.join(fn.dir, 'package.json');
  const where = display(root, file);
  if (!(await exists(file))) {
    throw new BuildError(`${where} is missing: each cloud function needs one that declares ${RUNTIME_SDK}`);
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new BuildError(`${where} is not valid JSON: ${(error as Error).message}`);
  }
  const deps = (manifest as { dependencies?: Record<string, unknown> } | null)?.dependencies;
  const version = deps?.[RUNTIME_SDK];
  if (typeof version !== 'string') {
    throw new BuildError(
      `${where} must declare "${RUNTIME_SDK}" in "dependencies": the bundle leaves it external and the cloud installs it`,
    );
  }
  // The cloud installs dependencies without a lockfile: only an exact version installs what was tested.
  if (!/^\d+\.\d+\.\d+$/.test(version)) {
    throw new BuildError(`${where}: pin "${RUNTIME_SDK}" to an exact version (found "${version}")`);
  }
}

/** Checks and bundles every function; returns one line per artifact. */
export async function buildFunctions(root: string): Promise<string[]> {
  const functions = await findFunctions(root);
  if (functions.length === 0) {
    throw new BuildError('no cloud function found: expected cloudfunctions/<name>/src/index.ts');
  }
  for (const fn of functions) await checkManifest(root, fn);
  const results = await Promise.all(
    functions.map((fn) => bundleFunction(root, { entry: fn.entry, outfile: fn.outfile, external: [RUNTIME_SDK] })),
  );
  return results.map((r) => `built ${display(root, r.outfile)} (${formatBytes(r.bytes)})`);
}
