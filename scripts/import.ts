import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseInstallmentFile } from '../backend/content/schema';
import { importRaw } from './import/importer';
import { parseOverrides } from './import/overrides';
import { formatReport } from './import/report';

const usage = '用法：npm run import -- <原文.txt> --out <输出.json> [--overrides <覆盖.json>]';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, overrides: { type: 'string' } },
  });
  const [rawPath] = positionals;
  if (!rawPath || !values.out) {
    console.error(usage);
    return 2;
  }
  const overridesPath = values.overrides ?? `${rawPath.replace(/\.txt$/, '')}.overrides.json`;
  const overrides = existsSync(overridesPath)
    ? parseOverrides(JSON.parse(readFileSync(overridesPath, 'utf8')), overridesPath)
    : {};
  const { installment, report } = importRaw(readFileSync(rawPath, 'utf8'), overrides);
  console.log(formatReport(report));
  if (report.errors.length > 0) return 1;
  writeFileSync(values.out, `${JSON.stringify(parseInstallmentFile(installment, values.out), null, 2)}\n`);
  console.log(`\n已写入 ${values.out}：${installment.articles.length} 篇发言`);
  if (installment.review.length > 0) {
    console.log(
      `还有 ${installment.review.length} 处待编辑决定：在 ${overridesPath} 的 "assign" 里写明归属后重新导入。`,
    );
  }
  return 0;
}

process.exitCode = main();
