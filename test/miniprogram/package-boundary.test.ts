import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * DevTools compiles and uploads only `miniprogram/`. A value imported from outside it (say from
 * `typings/contract`) type-checks and passes every Node test, then fails on the phone. Types may cross.
 */
const root = path.join(__dirname, '../../miniprogram');
const sources = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
  (f) => f.endsWith('.ts') && !f.startsWith('miniprogram_npm'),
);

const IMPORT = /^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm;

test.each(sources)('%s imports only types from outside miniprogram/', (file) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  const escapes = [...text.matchAll(IMPORT)]
    .filter(([, typeOnly, spec]) => !typeOnly && spec?.startsWith('.'))
    .map(([, , spec]) => spec as string)
    .filter((spec) => !path.resolve(path.dirname(path.join(root, file)), spec).startsWith(root + path.sep));
  expect(escapes).toEqual([]);
});
