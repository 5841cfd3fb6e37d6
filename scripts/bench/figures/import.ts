/**
 * Figure 9: the importer (what `npm run import` runs: importRaw and the installment's validation, in process, without
 * tsx's start-up) on the raw page and on a synthetic page 100 times its size. Linear: the big page may take at most
 * twice the time per byte of the raw one.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseInstallmentFile } from '../../../backend/content/schema';
import { repoRoot } from '../../build/paths';
import { importRaw } from '../../import/importer';
import { parseOverrides } from '../../import/overrides';
import type { Figure } from '../budget';
import { median, timeRuns } from '../measure';

const RAW = 'content/raw/esd-01.txt';
const TIMES = 100;
const MAX_PER_BYTE_RATIO = 2;
/** A paragraph line, as against titles and bylines. */
const PARAGRAPH = 40;

/** The page with its body repeated, each copy's paragraphs tagged with the copy's number so none is a duplicate. */
export function synthetic(raw: string, times: number): string {
  const copy = (k: number) =>
    raw
      .split('\n')
      .map((line) => (line.length > PARAGRAPH ? `${line.slice(0, 8)}（第${k}份）${line.slice(8)}` : line))
      .join('\n');
  return Array.from({ length: times }, (_, k) => (k === 0 ? raw : copy(k))).join('\n\n');
}

export async function importTimes(): Promise<Figure[]> {
  const raw = readFileSync(path.join(repoRoot, RAW), 'utf8');
  const overridesPath = path.join(repoRoot, RAW.replace(/\.txt$/, '.overrides.json'));
  const overrides = existsSync(overridesPath)
    ? parseOverrides(JSON.parse(readFileSync(overridesPath, 'utf8')), overridesPath)
    : {};
  const run = (text: string) => () => parseInstallmentFile(importRaw(text, overrides).installment, RAW);
  const big = synthetic(raw, TIMES);
  await timeRuns(3, run(raw));
  const small = median(await timeRuns(15, run(raw)));
  const large = median(await timeRuns(3, run(big)));
  const blocks = (text: string) =>
    importRaw(text, overrides).installment.articles.reduce((n, a) => n + a.blocks.length, 0);
  const perByte = large / Buffer.byteLength(big) / (small / Buffer.byteLength(raw));
  return [
    {
      group: 9,
      name: `import ${RAW} (${(Buffer.byteLength(raw) / 1024).toFixed(0)} KB)`,
      value: small,
      unit: 'ms',
      budget: null,
    },
    {
      group: 9,
      name: `import synthetic page ${TIMES}× (${(Buffer.byteLength(big) / 1024).toFixed(0)} KB)`,
      value: large,
      unit: 'ms',
      budget: null,
    },
    {
      group: 9,
      name: `time per byte, ${TIMES}× page ÷ raw page`,
      value: perByte,
      unit: '×',
      budget: { max: MAX_PER_BYTE_RATIO },
      note: `${blocks(raw)} blocks on the raw page, ${blocks(big)} on the synthetic one`,
    },
  ];
}
