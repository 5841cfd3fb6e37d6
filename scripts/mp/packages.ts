import { readFileSync } from 'node:fs';
import path from 'node:path';

/** WeChat's limits: 2 MB for the main package and for each subpackage. */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;

export interface PackageSize {
  name: string;
  files: number;
  bytes: number;
}

export type CompiledFiles = Record<string, string | Buffer>;

export const bytesOf = (content: string | Buffer): number =>
  typeof content === 'string' ? Buffer.byteLength(content) : content.length;

/** The subpackage roots app.json names (`staff`), without their trailing slash. */
export function subpackageRoots(projectPath: string): string[] {
  const appJson = JSON.parse(readFileSync(path.join(projectPath, 'miniprogram/app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
  };
  return (appJson.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
}

/** The package a compiled file (a path in the mini-program root) is in: its subpackage's root, else 'main'. */
export const packageOf = (file: string, roots: readonly string[]): string =>
  roots.find((r) => file.startsWith(`${r}/`)) ?? 'main';

/** Compiled file → size, summed per package: a subpackage by its root, else main. */
export function sizesOf(files: CompiledFiles, roots: readonly string[]): PackageSize[] {
  const sizes = new Map<string, PackageSize>([['main', { name: 'main', files: 0, bytes: 0 }]]);
  for (const root of roots) sizes.set(root, { name: root, files: 0, bytes: 0 });
  for (const [file, content] of Object.entries(files)) {
    const size = sizes.get(packageOf(file, roots)) as PackageSize;
    size.files += 1;
    size.bytes += bytesOf(content);
  }
  return [...sizes.values()];
}

/** Our budget for the main package (README 性能, figure 2): what every reader downloads before the first page. */
export const MAIN_BUDGET_BYTES = 300 * 1024;

/** `url(…)` to the web (`https://…`, `//…`) in a stylesheet: a font or image fetched from outside the package. */
const OUTSIDE_URL = /url\(\s*['"]?((?:https?:)?\/\/[^'")\s]+)/g;

/** Every file whose styles fetch from outside the package (TDesign's icon font comes from tdesign.gtimg.com). */
export function outsideFetches(files: CompiledFiles): Array<{ file: string; url: string }> {
  return Object.entries(files).flatMap(([file, content]) =>
    [...String(content).matchAll(OUTSIDE_URL)].map((m) => ({ file, url: m[1] as string })),
  );
}
