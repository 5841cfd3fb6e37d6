import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import type { CloudFunction } from '../build/functions';
import { display, exists } from '../build/paths';
import { DeployError } from './errors';
import { type FileEntry, hashFiles, listFiles } from './files';

/**
 * What the cloud gets of a function: the bundle, its source map (for the stack traces in the logs), the manifest
 * the cloud installs wx-server-sdk from, and config.json (timeout, open API permissions, triggers). Not src/.
 */
export const UPLOADED_FILES = ['index.js', 'index.js.map', 'package.json', 'config.json'] as const;

const triggerSchema = z.object({ name: z.string().min(1), type: z.literal('timer'), config: z.string().min(1) });
const functionConfig = z.object({
  timeout: z.number().int().positive(),
  triggers: z.array(triggerSchema).default([]),
});

export type Trigger = z.infer<typeof triggerSchema>;

export interface StagedFunction {
  name: string;
  /** The folder uploaded: `.deploy/functions/<name>/`. */
  dir: string;
  files: FileEntry[];
  /** Of the files' names and contents. */
  hash: string;
  /** From config.json: what the function is configured with. */
  timeout: number;
  triggers: Trigger[];
}

/** Copies the built function into `dir` (emptied first), exactly the files the cloud should get. */
export async function stageFunction(root: string, fn: CloudFunction, dir: string): Promise<StagedFunction> {
  for (const file of UPLOADED_FILES) {
    if (!(await exists(path.join(fn.dir, file)))) {
      throw new DeployError(`${display(root, path.join(fn.dir, file))} 不存在：先 npm run build（部署会先构建）`);
    }
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  for (const file of UPLOADED_FILES) await copyFile(path.join(fn.dir, file), path.join(dir, file));
  const configFile = path.join(fn.dir, 'config.json');
  const parsed = functionConfig.safeParse(JSON.parse(await readFile(configFile, 'utf8')));
  if (!parsed.success) {
    throw new DeployError(`${display(root, configFile)} 不对：${parsed.error.issues.map((i) => i.message).join('；')}`);
  }
  const files = await listFiles(dir);
  return { name: fn.name, dir, files, hash: await hashFiles(dir, files), ...parsed.data };
}
