import { createHash } from 'node:crypto';
import { loadCatalog } from '../../backend/content/catalog';
import { revisionOf } from '../../backend/content/sync';
import { COLLECTIONS, INDEXES } from '../../backend/storage/cloudbase/indexes';
import type { DeployContext } from './context';
import { DeployError } from './errors';
import { envStateOf } from './state';

/** The trigger fires this long after it is made: time for it to reach the platform. */
export const SETUP_DELAY_MINUTES = 2;
/** The admin function runs the setup for any of its timers; the deploy names them so. */
export const SETUP_TRIGGER_PREFIX = 'setupDb';

/** The collections' rule: only the functions read and write (they act as administrator), clients never. */
export const COLLECTION_RULE = '{"read": false, "write": false}';

const CHINA_OFFSET_MS = 8 * 3600_000;
const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * A timer that fires once: the minute `SETUP_DELAY_MINUTES` after `now`, in China time as the platform reads cron
 * (7 fields: second minute hour day month weekday year). Its name carries the minute, so a setup scheduled again
 * never collides with an old one.
 */
export function oneShotTimer(now: Date): { name: string; config: string; at: string } {
  const minute = 60_000;
  const fire = Math.ceil((now.getTime() + SETUP_DELAY_MINUTES * minute) / minute) * minute;
  const c = new Date(fire + CHINA_OFFSET_MS);
  const [y, mo, d, h, mi] = [
    c.getUTCFullYear(),
    c.getUTCMonth() + 1,
    c.getUTCDate(),
    c.getUTCHours(),
    c.getUTCMinutes(),
  ];
  return {
    name: `${SETUP_TRIGGER_PREFIX}${y}${pad(mo)}${pad(d)}${pad(h)}${pad(mi)}`,
    config: `0 ${mi} ${h} ${d} ${mo} * ${y}`,
    at: `${y}-${pad(mo)}-${pad(d)} ${pad(h)}:${pad(mi)}（北京时间）`,
  };
}

const direction = (d: 1 | -1): string => (d === 1 ? '升序' : '降序');

/** What the setup is for: the collections and the curated installments' revisions. */
function setupRevision(): { revision: string; installments: string[] } {
  const files = loadCatalog();
  const hash = createHash('sha256').update(JSON.stringify([COLLECTIONS, files.map((f) => [f.id, revisionOf(f)])]));
  return {
    revision: hash.digest('hex').slice(0, 16),
    installments: files.map((f) => `${f.id}（${f.articles.length} 篇）`),
  };
}

/**
 * `db`: schedules the admin function's one-time setup (`setup.db`: the missing collections, the curated installments
 * that changed) as a timer trigger — the deploy's key can make a trigger, not call a function — and lists what only
 * the console can do: the indexes and the collections' permissions.
 */
export async function deployDatabase(ctx: DeployContext): Promise<void> {
  const { config, log } = ctx;
  const env = config.env;
  const es = envStateOf(ctx.state, env);
  log(`数据库 → 环境 ${env}`);
  const { revision, installments } = setupRevision();
  log(`  集合（缺的由 admin 的 setup.db 新建）：${COLLECTIONS.join('、')}`);
  log(`  期次（文件有变化的由 setup.db 发布，工作人员设的日期和下线状态不变）：${installments.join('、')}`);

  if (!ctx.dryRun && es.functions.admin === undefined) {
    throw new DeployError(
      `admin 云函数还没有由本脚本部署到环境 ${env}：先 npm run deploy -- functions（setup.db 由云端的 admin 运行）`,
    );
  }
  if (!ctx.force && es.db?.revision === revision) {
    log(
      `  setup.db 已安排在 ${es.db.at}（触发器 ${es.db.trigger}），之后集合与期次都没有变化，跳过（--force 再安排一次）`,
    );
  } else {
    const timer = oneShotTimer(ctx.now());
    const { created, message } = await ctx.wechat.createTimeTrigger({
      env,
      functionName: 'admin',
      triggers: [{ name: timer.name, type: 'timer', config: timer.config }],
    });
    if (!created) throw new DeployError(`没能给 admin 创建触发器 ${timer.name}（微信答：${message}）`);
    log(`  安排：${timer.at} admin 由一次性的定时触发器 ${timer.name}（timer ${timer.config}）运行 setup.db`);
    log(
      '    结果写在云开发控制台 → 云函数 → admin → 日志（“setup.db (timer …)”一行）；过时的 setupDb… 触发器不会再触发，可以删',
    );
    if (!ctx.dryRun) {
      es.db = { revision, trigger: timer.name, at: timer.at };
      await ctx.saveState();
    }
  }

  log(`  要在云开发控制台 → 数据库 里做的（没有接口可用）：`);
  log(`    每个集合 → 数据权限 → 自定义安全规则：${COLLECTION_RULE}`);
  log(`    索引管理 → 添加索引（${INDEXES.length} 个，backend/storage/cloudbase/indexes.ts）：`);
  for (const index of INDEXES) {
    const fields = index.fields.map(([field, d]) => `${field} ${direction(d)}`).join('，');
    log(`      ${index.collection}  ${index.name}  ${fields}  ${index.unique ? '唯一' : '非唯一'}  — ${index.why}`);
  }
}
