import type { FileStore } from '../stats/port';

/** Files kept in memory, for tests: `read` gives back what was put. */
export interface MemoryFiles extends FileStore {
  read(path: string): Buffer | undefined;
}

export function memoryFiles(base = 'memory://files/', ttlMs = 60 * 60 * 1000): MemoryFiles {
  const files = new Map<string, Buffer>();
  const link = (path: string) => ({ url: `${base}${encodeURI(path)}`, expiresAt: new Date(Date.now() + ttlMs) });
  return {
    async put(path, content) {
      files.set(path, content);
      return { id: path, ...link(path) };
    },
    async link(id) {
      if (!files.has(id)) throw new Error(`no file ${id}`);
      return link(id);
    },
    read: (path) => files.get(path),
  };
}
