import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkTemplates, sourcesOf } from '../../scripts/mp/templates';

/**
 * `npm run check:mp` (part of `npm test`) puts every project WXML and WXSS file through WeChat's own compilers,
 * wcc and wcsc; these tests are about the check itself, on small folders of their own.
 */
const root = path.join(__dirname, '../../miniprogram');

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-check-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

let dirs: string[] = [];
const made = (files: Record<string, string>) => {
  const dir = folder(files);
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

test('the check covers the app’s pages and the staff subpackage, not the packed npm packages', () => {
  expect(sourcesOf(root, '.wxml')).toEqual(
    expect.arrayContaining([
      'pages/installment/index.wxml',
      'pages/article/index.wxml',
      'staff/pages/overview/index.wxml',
    ]),
  );
  expect(sourcesOf(root, '.wxss')).toContain('app.wxss');
  expect([...sourcesOf(root, '.wxml'), ...sourcesOf(root, '.wxss')].some((f) => f.startsWith('miniprogram_npm'))).toBe(
    false,
  );
});

test('sound files pass', () => {
  const dir = made({ 'a/index.wxml': '<view class="a">{{x}}</view>', 'a/index.wxss': '.a { color: red; }' });
  expect(checkTemplates(dir)).toEqual({ wxml: ['a/index.wxml'], wxss: ['a/index.wxss'], failures: [] });
});

test('broken WXML and WXSS are named, each file with what the compiler said', () => {
  const dir = made({
    'ok/index.wxml': '<view>ok</view>',
    'pages/broken/index.wxml': '<view><text>{{a</view>',
    'ok/index.wxss': '.a { color: red; }',
    'pages/broken/index.wxss': '.a { color: red;',
  });
  const { failures } = checkTemplates(dir);
  expect(failures.map((f) => f.file)).toEqual(['pages/broken/index.wxml', 'pages/broken/index.wxss']);
  expect(failures[0]?.message).toContain('pages/broken/index.wxml:1');
  expect(failures[1]?.message).toContain('pages/broken/index.wxss');
});
