/**
 * npm run size — the compiled packages as WeChat would receive them: miniprogram-ci compiles the project offline
 * (TypeScript, WXSS, WXML, the packed npm packages; files no page uses left out, as project.config.json's
 * ignoreUploadUnusedFiles says) and the files are summed per package — the main package, and each subpackage of
 * app.json by its root. Run `npm run build` first (miniprogram_npm and the staff subpackage's vendor/ are build output).
 *
 *   npm run size [-- --project <dir>] [--largest <n>]
 *
 * `--project` measures another checkout of the project (say the commit before a change, with its miniprogram_npm
 * built); `--largest` also lists each package's largest files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes, repoRoot } from './build/paths';

/** WeChat's limits: 2 MB for the main package and for each subpackage. */
export const PACKAGE_LIMIT_BYTES = 2 * 1024 * 1024;

export interface PackageSize {
  name: string;
  files: number;
  bytes: number;
}

/** Compiled file (path in the mini-program root) → size, summed per package: a subpackage by its root, else main. */
export function sizesOf(files: Record<string, string | Buffer>, roots: string[]): PackageSize[] {
  const sizes = new Map<string, PackageSize>([['main', { name: 'main', files: 0, bytes: 0 }]]);
  for (const root of roots) sizes.set(root, { name: root, files: 0, bytes: 0 });
  for (const [file, content] of Object.entries(files)) {
    const root = roots.find((r) => file.startsWith(`${r}/`)) ?? 'main';
    const size = sizes.get(root) as PackageSize;
    size.files += 1;
    size.bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
  }
  return [...sizes.values()];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { project: { type: 'string' }, largest: { type: 'string' } } });
  const projectPath = path.resolve(values.project ?? repoRoot);
  const appJson = JSON.parse(readFileSync(path.join(projectPath, 'miniprogram/app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
  };
  const roots = (appJson.subPackages ?? []).map((p) => p.root.replace(/\/$/, ''));
  const ci = await import('miniprogram-ci');
  const project = new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath,
    // Compiling signs nothing; the project's attributes, which would be fetched from WeChat, are the defaults.
    privateKey: 'offline',
    ignores: ['node_modules/**/*', 'cloudfunctions/**/*'],
    attr: async () => ci.DefaultProjectAttr,
  } as ConstructorParameters<typeof ci.Project>[0]);
  const files = await ci.getCompiledResult({
    project,
    version: '0.0.0',
    setting: { useProjectConfig: true },
    onProgressUpdate: () => undefined,
  });
  const sizes = sizesOf(files, roots);
  console.table(sizes.map((s) => ({ package: s.name, files: s.files, bytes: s.bytes, size: formatBytes(s.bytes) })));
  const largest = Number(values.largest ?? 0);
  if (largest > 0) {
    const rows = Object.entries(files)
      .map(([file, content]) => ({
        file,
        bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length,
      }))
      .sort((a, b) => b.bytes - a.bytes);
    for (const s of sizes) {
      const of = rows.filter((r) => (roots.find((root) => r.file.startsWith(`${root}/`)) ?? 'main') === s.name);
      console.table(of.slice(0, largest));
    }
  }
  const over = sizes.filter((s) => s.bytes > PACKAGE_LIMIT_BYTES);
  for (const s of over) console.error(`${s.name} is over WeChat's 2 MB: ${formatBytes(s.bytes)}`);
  process.exit(over.length > 0 ? 1 : 0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`size failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  });
}
