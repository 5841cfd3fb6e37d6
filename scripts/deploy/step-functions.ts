import { FUNCTION_ENV, INVOKE_RULE, RUNTIME } from '../../backend/cloud/settings';
import { findFunctions } from '../build/functions';
import { display, formatBytes } from '../build/paths';
import { runtimeAtLeast } from './config';
import type { DeployContext } from './context';
import { DeployError } from './errors';
import { totalBytes } from './files';
import { stagedFunctionDir } from './paths';
import { chooseSecret, READER_SECRET, readSecret, type SecretOrigin, writeSecret } from './secrets';
import { type StagedFunction, stageFunction } from './stage-functions';
import { envStateOf } from './state';
import type { FunctionSettings } from './wechat';

const list = (names: readonly string[]): string => (names.length === 0 ? '无' : names.join('、'));

/** The variables a function gets (FUNCTION_ENV in backend/cloud/settings.ts), with their values. */
function variablesOf(name: string, values: Record<string, string>): Record<string, string> {
  const wanted = (FUNCTION_ENV as Record<string, readonly string[]>)[name];
  if (wanted === undefined) {
    throw new DeployError(`云函数 ${name} 不在 backend/cloud/settings.ts 的 FUNCTION_ENV 里：先写明它要哪些环境变量`);
  }
  return Object.fromEntries(wanted.map((key) => [key, values[key] as string]));
}

const SECRET_SAID: Record<SecretOrigin, string> = {
  kept: '沿用 .deploy/secrets.json 里的',
  adopted: '沿用云函数里已有的（已存入 .deploy/secrets.json）',
  generated: '新生成（32 字节随机数，已存入 .deploy/secrets.json）',
};

/** The one reader-hash secret, from this clone or the functions; kept in .deploy/secrets.json, never printed. */
async function readerSecret(ctx: DeployContext, current: Map<string, FunctionSettings | null>): Promise<string> {
  const hashing = Object.entries(FUNCTION_ENV)
    .filter(([, keys]) => (keys as readonly string[]).includes(READER_SECRET))
    .map(([name]) => name);
  const inCloud = new Set<string>();
  for (const name of hashing) {
    const value = current.get(name)?.variables[READER_SECRET];
    if (value !== undefined && value !== '') inCloud.add(value);
  }
  const local = await readSecret(ctx.ws);
  const { secret, origin } = chooseSecret(local, [...inCloud], ctx.force);
  if (ctx.dryRun) {
    ctx.log(
      `  ${READER_SECRET}：${local === null ? '没有 .deploy/secrets.json：部署时沿用云端已有的，没有就新生成' : SECRET_SAID.kept}（${list(hashing)} 用同一个）`,
    );
  } else {
    if (origin !== 'kept') await writeSecret(ctx.ws, secret);
    ctx.log(`  ${READER_SECRET}：${SECRET_SAID[origin]}（${list(hashing)} 用同一个）`);
  }
  return secret;
}

function describeStaged(ctx: DeployContext, fn: StagedFunction): string {
  const files = fn.files.map((f) => `${f.name} ${formatBytes(f.bytes)}`).join('，');
  return `  ${fn.name}  ${display(ctx.ws.root, fn.dir)}/：${files}（共 ${formatBytes(totalBytes(fn.files))}）`;
}

async function deployOne(
  ctx: DeployContext,
  fn: StagedFunction,
  current: FunctionSettings | null,
  values: Record<string, string>,
): Promise<void> {
  const { config, wechat, log } = ctx;
  const env = config.env;
  const variables = variablesOf(fn.name, values);
  const names = list(Object.keys(variables));
  const es = envStateOf(ctx.state, env);
  log(describeStaged(ctx, fn));

  const created = current === null;
  if (created) {
    await wechat.createFunction({ env, name: fn.name, runtime: config.runtime, timeout: fn.timeout, variables });
    log(`    新建：运行环境 ${config.runtime}，超时 ${fn.timeout} 秒，环境变量 ${names}`);
  } else if (!runtimeAtLeast(current.runtime)) {
    throw new DeployError(
      `云函数 ${fn.name} 的运行环境是 ${current.runtime}，低于 ${RUNTIME}（包里用到 node: 模块，加载即失败）：在云开发控制台删除这个函数后重新部署（会按配置的 ${config.runtime} 新建），或在控制台换运行环境`,
    );
  } else if (current.runtime !== config.runtime) {
    log(`    运行环境 ${current.runtime}（配置为 ${config.runtime}；已有函数的运行环境不由部署改动）`);
  }

  if (created || ctx.force || es.functions[fn.name]?.code !== fn.hash) {
    const { filesCount, packSize } = await wechat.uploadFunction({ env, name: fn.name, path: fn.dir });
    log(`    上传代码，云端安装依赖：${filesCount} 个文件${ctx.dryRun ? '' : `，压缩包 ${formatBytes(packSize)}`}`);
    if (!ctx.dryRun) {
      es.functions[fn.name] = { code: fn.hash };
      await ctx.saveState();
    }
  } else {
    log('    代码与上次上传的相同，跳过（--force 重传）');
  }

  if (!created) {
    const changed = Object.keys(variables).filter((key) => current.variables[key] !== variables[key]);
    if (changed.length > 0 || current.timeout !== fn.timeout || ctx.force) {
      // The platform replaces the whole set: variables set by hand in the console are kept.
      const merged = { ...current.variables, ...variables };
      await wechat.configureFunction({ env, name: fn.name, timeout: fn.timeout, variables: merged });
      const parts = [
        ...(current.timeout === fn.timeout ? [] : [`超时 ${fn.timeout} 秒`]),
        ...(changed.length === 0 ? [] : [`环境变量 ${list(changed)}（其余不变）`]),
      ];
      log(`    设置：${parts.length === 0 ? '超时与环境变量照旧写一遍（--force）' : parts.join('；')}`);
    } else {
      log(`    超时 ${fn.timeout} 秒与环境变量 ${names} 已是所需，跳过`);
    }
  }

  const triggers = JSON.stringify(fn.triggers);
  if (fn.triggers.length > 0) {
    const described = fn.triggers.map((t) => `${t.name}（${t.type} ${t.config}）`).join('、');
    if (created || ctx.force || es.triggers[fn.name] !== triggers) {
      const { created: made, message } = await wechat.createTimeTrigger({
        env,
        functionName: fn.name,
        triggers: fn.triggers,
      });
      if (made) {
        log(`    触发器 ${described}：创建`);
        if (!ctx.dryRun) {
          es.triggers[fn.name] = triggers;
          await ctx.saveState();
        }
      } else {
        ctx.warn(
          `${fn.name} 的触发器 ${described} 没有创建（微信答：${message}）：多半是同名的已存在。在云开发控制台 → 云函数 → ${fn.name} → 触发器 里删掉旧的，再 npm run deploy -- functions --force`,
        );
      }
    } else {
      log(`    触发器 ${described} 与上次创建的相同，跳过`);
    }
  }
}

/**
 * `functions`: builds, stages each function as exactly what the cloud should get, and brings each one in the
 * environment to it — made if missing (runtime, timeout, variables), code uploaded when it differs from the last
 * upload, timeout and variables set when they differ from the cloud's, triggers created when they changed.
 */
export async function deployFunctions(ctx: DeployContext): Promise<void> {
  const { ws, config, log } = ctx;
  log(`云函数 → 环境 ${config.env}`);
  for (const line of await ctx.buildFunctions(ws.root)) log(`  ${line}`);
  const staged: StagedFunction[] = [];
  for (const fn of await findFunctions(ws.root))
    staged.push(await stageFunction(ws.root, fn, stagedFunctionDir(ws, fn.name)));

  const current = new Map<string, FunctionSettings | null>();
  for (const fn of staged) current.set(fn.name, await ctx.wechat.getFunction({ env: config.env, name: fn.name }));
  const secret = await readerSecret(ctx, current);
  log(`  ADMIN_OPENIDS：${config.adminOpenids.length} 位管理员（deploy.config.json 的 adminOpenids）`);
  const values = { [READER_SECRET]: secret, ADMIN_OPENIDS: config.adminOpenids.join(',') };
  for (const fn of staged) await deployOne(ctx, fn, current.get(fn.name) ?? null, values);
  log('  要在云开发控制台 → 设置 → 权限设置 里做的（没有接口可用，做过一次即可）：');
  log('    开启“未登录访问”（朋友圈单页模式的读者没有登录态）');
  log(`    云函数权限（安全规则）设为 ${JSON.stringify(INVOKE_RULE)}（backend/cloud/settings.ts 的 INVOKE_RULE）`);
}
