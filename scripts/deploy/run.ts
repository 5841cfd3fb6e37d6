import { parseArgs } from 'node:util';
import { buildFunctions } from '../build/functions';
import { type DeployConfig, loadConfig } from './config';
import type { DeployContext } from './context';
import { DeployError } from './errors';
import { type Revision, revisionOf } from './git';
import type { Workspace } from './paths';
import { checkForRealDeploy } from './preflight';
import { Recorder } from './recorder';
import { loadState, saveState } from './state';
import { deployApp } from './step-app';
import { deployDatabase } from './step-db';
import { deployFunctions } from './step-functions';
import type { WeChat } from './wechat';

/** The steps of `all`, in this order: the database setup runs in the admin function, the app calls the functions. */
export const STEPS = ['functions', 'db', 'app'] as const;
export type Step = (typeof STEPS)[number];

export const USAGE = `usage: npm run deploy -- <functions|db|app|all> [--dry-run] [--force] [--preview] [--config <file>]
  functions  构建并上传每个云函数（云端安装依赖），设置环境变量与超时，创建定时触发器
  db         安排 admin 的 setup.db（建缺少的集合、发布有变化的期次），列出要在控制台建的索引与权限
  app        打包 npm，把小程序上传为开发版（--preview：上传预览，二维码写到 .deploy/preview-qrcode.jpg）
  all        依次 functions、db、app
  --dry-run  只预演：不连接微信，列出会上传的文件与大小、函数、环境变量名（从不列值）、触发器、集合、索引
  --force    没有变化的也重做`;

export interface DeployOptions {
  steps: Step[];
  dryRun: boolean;
  force: boolean;
  preview: boolean;
  config: string | undefined;
}

const OPTIONS = {
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  preview: { type: 'boolean', default: false },
  config: { type: 'string' },
} as const;

/** `<step> [--dry-run] [--force] [--preview] [--config <file>]`; a DeployError with the usage otherwise. */
export function parseDeployArgs(argv: string[]): DeployOptions {
  let parsed: {
    values: { 'dry-run': boolean; force: boolean; preview: boolean; config?: string };
    positionals: string[];
  };
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (error) {
    throw new DeployError(`${(error as Error).message}\n${USAGE}`);
  }
  const [step, ...extra] = parsed.positionals;
  if (step === undefined || extra.length > 0) throw new DeployError(USAGE);
  const steps = step === 'all' ? [...STEPS] : STEPS.filter((s) => s === step);
  if (steps.length === 0) throw new DeployError(`没有这一步：${step}\n${USAGE}`);
  const { 'dry-run': dryRun, force, preview, config } = parsed.values;
  return { steps, dryRun, force, preview, config };
}

export interface DeployDeps {
  ws: Workspace;
  configFile: string;
  /** The WeChat a real deploy talks to (made only for one). */
  wechat: (config: DeployConfig) => WeChat;
  log: (line: string) => void;
  now?: () => Date;
  revision?: Revision;
  /** scripts/build's unless said (the tests build once per file). */
  buildFunctions?: (root: string) => Promise<string[]>;
}

/** Runs the steps; a dry run's calls are recorded, printed and returned. */
export async function runDeploy(
  options: DeployOptions,
  deps: DeployDeps,
): Promise<{ recorded: Recorder | null; warnings: string[] }> {
  const config = await loadConfig(deps.configFile);
  const { log } = deps;
  if (!options.dryRun) await checkForRealDeploy(deps.ws.root, config);
  const recorder = options.dryRun ? new Recorder() : null;
  const warnings: string[] = [];
  const state = await loadState(deps.ws);
  const ctx: DeployContext = {
    ws: deps.ws,
    config,
    wechat: recorder ?? deps.wechat(config),
    dryRun: options.dryRun,
    force: options.force,
    log,
    now: deps.now ?? (() => new Date()),
    revision: deps.revision ?? revisionOf(deps.ws.root),
    state,
    saveState: () => saveState(deps.ws, state),
    buildFunctions: deps.buildFunctions ?? buildFunctions,
    warn: (line) => {
      warnings.push(line);
      log(`  注意：${line}`);
    },
  };
  if (options.dryRun)
    log('预演（--dry-run）：不连接微信，不保存密钥和状态；按一个新环境列出要做的事，已有的只改有差别的部分');
  for (const step of options.steps) {
    if (step === 'functions') await deployFunctions(ctx);
    if (step === 'db') await deployDatabase(ctx);
    if (step === 'app') await deployApp(ctx, { preview: options.preview });
  }
  if (recorder !== null) {
    log(`预演记下的微信调用（${recorder.calls.length} 次；环境变量只列名字）：`);
    for (const call of recorder.calls) log(`  ${call.api} ${JSON.stringify(call.args)}`);
  }
  if (warnings.length > 0) {
    log(`要处理的 ${warnings.length} 件事：`);
    for (const line of warnings) log(`  ${line}`);
  }
  return { recorded: recorder, warnings };
}
