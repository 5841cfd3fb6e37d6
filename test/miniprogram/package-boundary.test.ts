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

/**
 * The staff pages are a subpackage (app.json subPackages, root staff/): readers never download it, so nothing in the
 * main package may require a module from it — least of all its chart library.
 */
const STAFF = path.join(root, 'staff');
const main = sources.filter((f) => !path.join(root, f).startsWith(STAFF + path.sep));

test.each(main)('%s (main package) requires nothing from the staff subpackage', (file) => {
  const text = readFileSync(path.join(root, file), 'utf8');
  const into = [...text.matchAll(IMPORT)]
    .filter(([, typeOnly, spec]) => !typeOnly && spec?.startsWith('.'))
    .map(([, , spec]) => spec as string)
    .filter((spec) => path.resolve(path.dirname(path.join(root, file)), spec).startsWith(STAFF + path.sep));
  expect(into).toEqual([]);
  expect(text).not.toMatch(/u-charts|@qiun\/ucharts/);
});

test('the main package’s pages use no component of the staff subpackage', () => {
  const app = JSON.parse(readFileSync(path.join(root, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages: Array<{ root: string }>;
  };
  expect(app.subPackages.map((p) => p.root)).toEqual(['staff']);
  for (const page of app.pages) {
    const json = JSON.parse(readFileSync(path.join(root, `${page}.json`), 'utf8')) as {
      usingComponents?: Record<string, string>;
    };
    for (const target of Object.values(json.usingComponents ?? {})) expect(target).not.toMatch(/(^|\/)staff\//);
  }
});
