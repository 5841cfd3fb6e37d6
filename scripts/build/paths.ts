import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The repository root: scripts/build/ sits two levels below it. */
export const repoRoot = path.resolve(__dirname, '..', '..');

/** `file` relative to `root`, with forward slashes, for messages. */
export const display = (root: string, file: string): string => path.relative(root, file).split(path.sep).join('/');

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Names of the directories directly inside `dir`, sorted; none if `dir` is missing. */
export async function subdirectories(dir: string): Promise<string[]> {
  if (!(await exists(dir))) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}
