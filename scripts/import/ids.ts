import { createHash } from 'node:crypto';

/** A short, stable id from content: the same input gives the same id on every import. */
export function shortHash(input: string, length: number): string {
  const digest = createHash('sha256').update(input).digest();
  let n = 0n;
  for (const byte of digest.subarray(0, 8)) n = (n << 8n) | BigInt(byte);
  return n.toString(36).padStart(length, '0').slice(0, length);
}

/** Makes ids unique within one namespace by extending the hash, never by counting. */
export function uniqueIds(seeds: string[], prefix: string, length: number): string[] {
  const taken = new Set<string>();
  return seeds.map((seed) => {
    for (let salt = 0; ; salt++) {
      const id = prefix + shortHash(salt === 0 ? seed : `${seed}#${salt}`, length);
      if (!taken.has(id)) {
        taken.add(id);
        return id;
      }
    }
  });
}
