import type { FileStore } from '../stats/port';

/** Files kept in memory, for tests: `read` gives back what was put. */
export interface MemoryFiles extends FileStore {
  read(name: string): Buffer | undefined;
}

export function memoryFiles(base = 'memory://files/', ttlMs = 60 * 60 * 1000): MemoryFiles {
  const files = new Map<string, Buffer>();
  return {
    async put(name, content) {
      files.set(name, content);
      return { url: `${base}${encodeURIComponent(name)}`, expiresAt: new Date(Date.now() + ttlMs) };
    },
    read: (name) => files.get(name),
  };
}
