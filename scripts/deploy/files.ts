import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FileEntry {
  /** Relative to the folder listed, with forward slashes. */
  name: string;
  bytes: number;
}

/** Every file under `dir`, sorted by name. */
export async function listFiles(dir: string): Promise<FileEntry[]> {
  const found: FileEntry[] = [];
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, sub), { withFileTypes: true })) {
      const name = sub === '' ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) await walk(name);
      else if (entry.isFile()) found.push({ name, bytes: (await stat(path.join(dir, name))).size });
    }
  };
  await walk('');
  return found.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** A hash of the names and contents of the files under `dir`: equal exactly when the upload would be. */
export async function hashFiles(dir: string, files: readonly FileEntry[]): Promise<string> {
  const hash = createHash('sha256');
  for (const { name } of files) {
    hash.update(`${name}\0`);
    hash.update(await readFile(path.join(dir, name)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export const totalBytes = (files: readonly FileEntry[]): number => files.reduce((sum, f) => sum + f.bytes, 0);
