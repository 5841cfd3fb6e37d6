import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { wxmlToJs, wxssToJs } from 'miniprogram-compiler';

/**
 * Every WXML and WXSS file goes through WeChat's own compilers (wcc, wcsc), as DevTools would.
 * They are compiled from a copy without the .json files: wcc would otherwise chase the npm
 * component paths that only DevTools resolves.
 */
const root = path.join(__dirname, '../../miniprogram');

function sources(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(ext) && !file.startsWith('miniprogram_npm'))
    .map((file) => file.split(path.sep).join('/'));
}

function copyOf(files: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-compile-'));
  for (const file of files) cpSync(path.join(root, file), path.join(dir, file));
  return dir;
}

const wxml = sources(root, '.wxml');
const wxss = sources(root, '.wxss');

test('the app has pages to compile', () => {
  expect(wxml).toEqual(expect.arrayContaining(['pages/installment/index.wxml', 'pages/article/index.wxml']));
  expect(wxss).toContain('app.wxss');
});

test('every WXML file compiles with wcc', () => {
  const dir = copyOf(wxml);
  try {
    expect(() => wxmlToJs(dir)).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every WXSS file compiles with wcsc', () => {
  const dir = copyOf(wxss);
  try {
    expect(wxssToJs(dir)).toContain('app.wxss');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the check fails on broken WXML', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-compile-'));
  try {
    writeFileSync(path.join(dir, 'broken.wxml'), '<view><text>{{a</view>');
    expect(() => wxmlToJs(dir)).toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
