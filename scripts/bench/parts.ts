/**
 * Figures measured in another process (the jest benches: pages in miniprogram-simulate need jest's jsdom and
 * transforms), handed to the orchestrator as JSON files in the folder BENCH_PARTS names.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Figure } from './budget';

export const PARTS_ENV = 'BENCH_PARTS';

export function writePart(name: string, figures: Figure[]): void {
  const dir = process.env[PARTS_ENV];
  if (dir === undefined) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(figures));
}

export const readParts = (dir: string): Figure[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Figure[]);
