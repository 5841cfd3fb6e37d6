import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { packNpm } from '../build/npm';
import { exists } from '../build/paths';
import { DeployError } from './errors';
import { type FileEntry, listFiles } from './files';

/** The mini-program's environment setting (miniprogram/config.ts), which the staged copy gets from the config. */
const CLOUD_ENV_LINE = /^export const CLOUD_ENV = '[^'\n]*';$/m;

export interface StagedApp {
  /** The project miniprogram-ci is given: `.deploy/app/`. */
  dir: string;
  /** The mini-program root in it, as miniprogram-ci reads it (it compiles the TypeScript and drops unused files). */
  files: FileEntry[];
  /** What packing npm said. */
  packed: string[];
}

/**
 * `miniprogram_npm` as miniprogram-ci packs it from the root package.json, kept under `cacheDir` by what it was packed
 * from (the lock file and miniprogram-ci's version): packed again only when one of them changed, or when `fresh`.
 */
async function packedNpm(root: string, cacheDir: string, fresh: boolean): Promise<{ dir: string; packed: string[] }> {
  const ciVersion = (require('miniprogram-ci/package.json') as { version: string }).version;
  const lock = await readFile(path.join(root, 'package-lock.json'));
  const key = createHash('sha256').update(lock).update(ciVersion).digest('hex').slice(0, 16);
  const dir = path.join(cacheDir, key, 'miniprogram');
  if (!fresh && (await exists(path.join(dir, 'miniprogram_npm')))) {
    return {
      dir,
      packed: ['npm 包与上次打包时相同（package-lock.json 与 miniprogram-ci 版本没变），沿用（--force 重新打包）'],
    };
  }
  await rm(cacheDir, { recursive: true, force: true });
  return { dir, packed: await packNpm(root, dir) };
}

/**
 * A copy of the project as miniprogram-ci should see it, leaving the working tree alone: project.config.json with the
 * configured AppID (and no cloud function root: functions are deployed apart), the mini-program with CLOUD_ENV set to
 * the configured environment, the types its tsconfig names, and npm packed for it.
 */
export async function stageApp(
  root: string,
  dir: string,
  target: { appid: string; env: string },
  npm: { cacheDir: string; fresh: boolean },
): Promise<StagedApp> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });

  const project = JSON.parse(await readFile(path.join(root, 'project.config.json'), 'utf8')) as Record<string, unknown>;
  const { cloudfunctionRoot: _functions, ...rest } = project;
  await writeFile(
    path.join(dir, 'project.config.json'),
    `${JSON.stringify({ ...rest, appid: target.appid }, null, 2)}\n`,
  );
  await cp(path.join(root, 'tsconfig.base.json'), path.join(dir, 'tsconfig.base.json'));
  await cp(path.join(root, 'typings', 'contract'), path.join(dir, 'typings', 'contract'), { recursive: true });

  const source = path.join(root, 'miniprogram');
  const app = path.join(dir, 'miniprogram');
  await cp(source, app, {
    recursive: true,
    filter: (from) => path.relative(source, from).split(path.sep)[0] !== 'miniprogram_npm',
  });
  const configFile = path.join(app, 'config.ts');
  const config = await readFile(configFile, 'utf8');
  if (!CLOUD_ENV_LINE.test(config)) {
    throw new DeployError(
      "miniprogram/config.ts 里没有 `export const CLOUD_ENV = '…';` 这一行：部署靠它把小程序指向配置里的环境",
    );
  }
  await writeFile(configFile, config.replace(CLOUD_ENV_LINE, `export const CLOUD_ENV = '${target.env}';`));

  const { dir: npmDir, packed } = await packedNpm(root, npm.cacheDir, npm.fresh);
  await cp(path.join(npmDir, 'miniprogram_npm'), path.join(app, 'miniprogram_npm'), { recursive: true });
  return { dir, files: await listFiles(app), packed };
}
