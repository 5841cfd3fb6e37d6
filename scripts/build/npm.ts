import { rm } from 'node:fs/promises';
import path from 'node:path';
import { BuildError } from './errors';
import { display, subdirectories } from './paths';

/**
 * Where DevTools looks for it too: project.config.json `setting.packNpmRelationList` names the same two paths. The
 * deploy packs into its staged copy of the mini-program instead (`distDir`).
 */
export const npmPaths = (root: string, distDir = path.join(root, 'miniprogram')) => ({
  packageJsonPath: path.join(root, 'package.json'),
  miniprogramNpmDistDir: distDir,
});

/** Package directories inside miniprogram_npm, scoped ones as `@scope/name`. */
async function packedPackages(npmDir: string): Promise<string[]> {
  const names: string[] = [];
  for (const name of await subdirectories(npmDir)) {
    if (!name.startsWith('@')) names.push(name);
    else for (const inner of await subdirectories(path.join(npmDir, name))) names.push(`${name}/${inner}`);
  }
  return names;
}

/**
 * Rebuilds miniprogram/miniprogram_npm from the root package.json `dependencies` (what DevTools' "构建 npm" does),
 * offline, with miniprogram-ci, into `<distDir>/miniprogram_npm`; returns one line per package and per warning.
 */
export async function packNpm(root: string, distDir?: string): Promise<string[]> {
  const paths = npmPaths(root, distDir);
  const npmDir = path.join(paths.miniprogramNpmDistDir, 'miniprogram_npm');
  await rm(npmDir, { recursive: true, force: true });
  // Loaded here, not at the top: it takes seconds to load and `--only functions` does not need it. `require`, not
  // `import()`: the deploy's tests run this under jest, which has no dynamic import in CommonJS.
  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci');
  let result: Awaited<ReturnType<typeof ci.packNpmManually>>;
  try {
    result = await ci.packNpmManually(paths);
  } catch (error) {
    throw new BuildError(`miniprogram-ci could not pack npm packages: ${(error as Error).message ?? String(error)}`);
  }
  const packages = await packedPackages(npmDir);
  if (packages.length === 0) {
    throw new BuildError(
      `nothing was packed into ${display(root, npmDir)}: are the package.json dependencies installed (npm ci)?`,
    );
  }
  const warnings = result.warnList.map((w) => `warning: ${w.jsPath ? `${w.jsPath}: ` : ''}${w.msg || w.tips}`);
  return [...packages.map((name) => `packed ${display(root, path.join(npmDir, name))}`), ...warnings];
}
