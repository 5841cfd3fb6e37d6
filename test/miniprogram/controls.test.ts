import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { freshApp } from './support/app';
import { contentCloud } from './support/cloud';
import { wxStub } from './support/runtime';

const mp = path.join(__dirname, '../../miniprogram');
const read = (file: string): string => readFileSync(path.join(mp, file), 'utf8');

beforeEach(async () => {
  wxStub.reset();
  wxStub.cloud = (await contentCloud()).handler;
});

test('the search glass and the clear button are pictures in the package', async () => {
  const app = freshApp();
  const { page } = await app.open('search');
  const box = page.querySelector('.search-box');
  expect(box?.querySelector('.ui-search-icon')).toBeTruthy();
  // The pictures are files in the package: no URL, no icon font.
  const sources = [...read('components/ui-search/index.wxml').matchAll(/src="([^"]+)"/g)].map((m) => m[1] as string);
  expect(sources).toHaveLength(2);
  for (const src of sources) {
    expect(src).toMatch(/^\/assets\/icons\/[a-z-]+\.svg$/);
    expect(existsSync(path.join(mp, src))).toBe(true);
  }
});

/** Every component a main-package page pulls in, through npm packages too. */
function componentsOf(json: string, dir: string, seen = new Set<string>()): Set<string> {
  const using = (JSON.parse(readFileSync(json, 'utf8')) as { usingComponents?: Record<string, string> })
    .usingComponents;
  for (const target of Object.values(using ?? {})) {
    const file = target.startsWith('/')
      ? path.join(mp, target)
      : target.startsWith('.')
        ? path.join(dir, target)
        : path.join(mp, 'miniprogram_npm', target);
    if (seen.has(file)) continue;
    seen.add(file);
    if (existsSync(`${file}.json`)) componentsOf(`${file}.json`, path.dirname(file), seen);
  }
  return seen;
}

test('no page or staff page pulls in the icon font (fetched from a CDN, a ☒ box offline)', () => {
  const pages = JSON.parse(read('app.json')) as {
    pages: string[];
    subPackages: Array<{ root: string; pages: string[] }>;
  };
  const all = [...pages.pages, ...pages.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))];
  for (const route of all) {
    const used = [...componentsOf(path.join(mp, `${route}.json`), path.dirname(path.join(mp, route)))];
    expect({ route, icons: used.filter((c) => /[/\\]icon[/\\]icon$/.test(c)) }).toEqual({ route, icons: [] });
  }
});

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
}
const contrast = (a: string, b: string): number => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
};

test('text on the filled controls (share, 搜索, the chosen type size) is at least 4.5:1, light and dark', () => {
  const css = read('app.wxss');
  const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
  const value = (block: string, name: string): string | undefined =>
    new RegExp(`${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(block)?.[1];
  const light = { fill: value(css, '--accent-fill'), text: value(css, '--on-accent') };
  const night = { fill: value(dark, '--accent-fill') ?? light.fill, text: value(dark, '--on-accent') ?? light.text };
  for (const { fill, text } of [light, night]) {
    expect(fill && text && contrast(fill, text)).toBeGreaterThanOrEqual(4.5);
  }
  expect(read('pages/article/index.wxss')).toMatch(
    /\.panel-step-on \{[^}]*background-color: var\(--accent-fill\);[^}]*color: var\(--on-accent\);/,
  );
  expect(read('components/ui-button/index.wxss')).toMatch(
    /\.ui-button-fill \{[^}]*background-color: var\(--accent-fill[^}]*color: var\(--on-accent/,
  );
});

test('关怀模式 makes the buttons and the search box taller, not only darker', () => {
  const extra = /\.care \{[^}]*--care-extra:\s*(\d+)rpx/.exec(read('app.wxss'))?.[1];
  expect(Number(extra)).toBeGreaterThan(0);
  for (const file of [
    'components/ui-button/index.wxss',
    'components/ui-search/index.wxss',
    'pages/search/index.wxss',
  ]) {
    expect({ file, grows: /min-height: calc\([^;]*var\(--care-extra/.test(read(file)) }).toEqual({ file, grows: true });
  }
});
