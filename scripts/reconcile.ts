/**
 * npm run reconcile [-- --data .data]
 * Recomputes the reading counters of `npm start`'s database from its ledger, prints every counter that differs,
 * and corrects it. SQLite reads the ledger and the counters in one transaction, so today is checked too.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openSqliteStores } from '../backend/storage/sqlite';
import { channelLabel } from '../backend/track/channels';
import { showDay } from '../backend/track/day';
import { ALL_DAYS, type Drift, reconcile } from '../backend/track/reconcile';

const describe = (d: Drift): string => {
  const where =
    d.day === null
      ? `总计        ${d.articleId}`
      : `${showDay(d.day)}  ${d.articleId}  ${channelLabel(d.channel ?? '')}(${d.channel})`;
  const diff = d.ledger - d.counted;
  return `  ${where}  ${d.counter}：计数 ${d.counted} → 账本 ${d.ledger}（${diff > 0 ? '+' : ''}${diff}）`;
};

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string', default: process.env.DATA_DIR ?? '.data' } } });
  const file = join(resolve(values.data), 'app.db');
  if (!existsSync(file)) {
    console.error(`没有找到数据库：${file}（先运行一次 npm start，或用 --data 指定数据目录）`);
    process.exitCode = 2;
    return;
  }
  const stores = openSqliteStores(file);
  try {
    const { entries, drift } = await reconcile(stores.track, { ...ALL_DAYS, fix: true });
    console.log(`核对 ${file}：账本 ${entries} 条`);
    for (const d of drift) console.log(describe(d));
    console.log(drift.length === 0 ? '计数与账本一致。' : `已按账本修正 ${drift.length} 处计数。`);
  } finally {
    await stores.close();
  }
}

main().catch((error: unknown) => {
  console.error('核对失败：', error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
