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
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes, repoRoot } from './build/paths';
import { compilePackages } from './mp/compile';
import { bytesOf, PACKAGE_LIMIT_BYTES, packageOf } from './mp/packages';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { project: { type: 'string' }, largest: { type: 'string' } } });
  const projectPath = path.resolve(values.project ?? repoRoot);
  const { files, roots, sizes } = await compilePackages(projectPath);
  console.table(sizes.map((s) => ({ package: s.name, files: s.files, bytes: s.bytes, size: formatBytes(s.bytes) })));
  const largest = Number(values.largest ?? 0);
  if (largest > 0) {
    const rows = Object.entries(files)
      .map(([file, content]) => ({ file, bytes: bytesOf(content) }))
      .sort((a, b) => b.bytes - a.bytes);
    for (const s of sizes) console.table(rows.filter((r) => packageOf(r.file, roots) === s.name).slice(0, largest));
  }
  const over = sizes.filter((s) => s.bytes > PACKAGE_LIMIT_BYTES);
  for (const s of over) console.error(`${s.name} is over WeChat's 2 MB: ${formatBytes(s.bytes)}`);
  process.exit(over.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(`size failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
