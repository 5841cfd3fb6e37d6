/**
 * npm run check:mp — WeChat's own toolchain over the project, offline (part of `npm test`; run `npm run build`
 * first: the packed npm packages and the staff subpackage's uCharts are build output):
 *
 * - every project WXML file through wcc and every WXSS file through wcsc;
 * - the package compiled by miniprogram-ci (`getCompiledResult`): main package and subpackage sizes, each within
 *   WeChat's 2 MB, the main package within our 300 KB, and no stylesheet fetching from the web (`url(https://…)`);
 * - DevTools' code-quality scan (miniprogram-ci `checkCodeQuality`), every item passing, and none of our own code
 *   files unused (the same analysis with the project's TypeScript plugin, see scripts/mp/quality.ts).
 *
 * Exits 1 naming each file or item that fails.
 *
 *   npm run check:mp [-- --project <dir>]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatBytes, repoRoot } from './build/paths';
import { compilePackages } from './mp/compile';
import { MAIN_BUDGET_BYTES, outsideFetches, PACKAGE_LIMIT_BYTES } from './mp/packages';
import { codeQuality, unusedOwnFiles } from './mp/quality';
import { quietly } from './mp/quiet';
import { checkTemplates } from './mp/templates';

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { project: { type: 'string' } } });
  const projectPath = path.resolve(values.project ?? repoRoot);
  const problems: string[] = [];
  const line = (ok: boolean, text: string) => console.log(`${ok ? '✓' : '✗'} ${text}`);

  const templates = checkTemplates(path.join(projectPath, 'miniprogram'));
  const broken = new Set(templates.failures.map((f) => f.file));
  line(!templates.wxml.some((f) => broken.has(f)), `wcc: ${templates.wxml.length} WXML files`);
  line(!templates.wxss.some((f) => broken.has(f)), `wcsc: ${templates.wxss.length} WXSS files`);
  for (const f of templates.failures) problems.push(`${f.file}: ${f.message}`);

  const { value: settled, held } = await quietly(() =>
    Promise.allSettled([compilePackages(projectPath), codeQuality(projectPath), unusedOwnFiles(projectPath)]),
  );
  const [compiled, items, unused] = settled;
  const failed = (what: string, result: PromiseRejectedResult) => {
    const message = result.reason instanceof Error ? result.reason.message : String(result.reason);
    line(false, `${what}: ${message}`);
    problems.push(`${what} failed: ${message}`);
  };

  if (compiled.status === 'rejected') failed('miniprogram-ci getCompiledResult', compiled);
  else {
    for (const size of compiled.value.sizes) {
      const ok = size.bytes <= PACKAGE_LIMIT_BYTES;
      line(ok, `package ${size.name}: ${size.files} files, ${formatBytes(size.bytes)} (WeChat's limit 2 MB)`);
      if (!ok) problems.push(`package ${size.name} is ${formatBytes(size.bytes)}, over WeChat's 2 MB`);
    }
    const main = compiled.value.sizes.find((s) => s.name === 'main');
    const withinBudget = main !== undefined && main.bytes <= MAIN_BUDGET_BYTES;
    line(withinBudget, `package main within our budget of ${formatBytes(MAIN_BUDGET_BYTES)}`);
    if (!withinBudget)
      problems.push(`package main is ${formatBytes(main?.bytes ?? 0)}, over our ${formatBytes(MAIN_BUDGET_BYTES)}`);
    const outside = outsideFetches(compiled.value.files);
    line(outside.length === 0, `nothing fetched from outside the package: ${outside.length} url(…) to the web`);
    for (const { file, url } of outside) problems.push(`${file} fetches ${url} from outside the package`);
  }
  if (items.status === 'rejected') failed('miniprogram-ci checkCodeQuality', items);
  else {
    for (const item of items.value) {
      line(item.success, `代码质量 ${item.name}: ${item.text}`);
      const detail = item.detail.map((d) => `\n    ${d}`).join('');
      if (!item.success) problems.push(`代码质量 ${item.name} (${item.text})${detail}`);
    }
  }
  if (unused.status === 'rejected') failed('the code analyser with the TypeScript plugin', unused);
  else {
    const files = unused.value;
    line(files.length === 0, `代码质量 our own code files all used (TypeScript followed): ${files.length} unused`);
    for (const file of files) problems.push(`miniprogram/${file}: no page, component or app file uses it`);
  }
  if (settled.some((r) => r.status === 'rejected')) {
    console.error('\nminiprogram-ci said:');
    for (const l of held) console.error(`  ${l}`);
  }

  if (problems.length === 0) {
    console.log('check:mp passed');
    return 0;
  }
  console.error(`\ncheck:mp failed (${problems.length}):`);
  for (const p of problems) console.error(`  ${p}`);
  return 1;
}

main().then(
  // miniprogram-ci leaves workers and watchers behind: exit rather than wait for them.
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`check:mp failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
