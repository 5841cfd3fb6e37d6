import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildFunctions } from '../../scripts/build/functions';
import { repoRoot } from '../../scripts/build/paths';
import { EXAMPLE_FILE } from '../../scripts/deploy/config';
import { listFiles } from '../../scripts/deploy/files';
import type { Revision } from '../../scripts/deploy/git';
import type { Workspace } from '../../scripts/deploy/paths';
import { parseDeployArgs, runDeploy } from '../../scripts/deploy/run';
import type { Trigger } from '../../scripts/deploy/stage-functions';
import type { AppUpload, FunctionSettings, WeChat } from '../../scripts/deploy/wechat';

export { repoRoot };

/** 2026-12-01 14:32:10 in China. */
export const NOW = new Date('2026-12-01T06:32:10Z');
export const CLEAN: Revision = { commit: '0123456789ab', subject: 'Ship it', dirty: false };

export const REAL_CONFIG = {
  appid: 'wx1234567890abcdef',
  env: 'prod-7g2k9x',
  privateKeyPath: './private.wx1234567890abcdef.key',
  adminOpenids: ['oAdminOne_123456789012345678', 'oAdminTwo_123456789012345678'],
  runtime: 'Nodejs16.13',
};

export interface Sandbox {
  /** A temporary folder holding the configuration (and key); `.deploy/` is inside it. */
  tmp: string;
  ws: Workspace;
  configFile: string;
  remove(): Promise<void>;
}

/** The repository's sources with the deploy's own files in a temporary folder, and the example configuration. */
export async function sandbox(config: 'example' | Record<string, unknown> = 'example'): Promise<Sandbox> {
  const tmp = await mkdtemp(path.join(tmpdir(), 'deploy-'));
  const configFile = path.join(tmp, 'deploy.config.json');
  if (config === 'example') await copyFile(path.join(repoRoot, EXAMPLE_FILE), configFile);
  else {
    await writeFile(configFile, JSON.stringify(config));
    await writeFile(path.join(tmp, 'private.wx1234567890abcdef.key'), FAKE_KEY);
  }
  return {
    tmp,
    ws: { root: repoRoot, dir: path.join(tmp, '.deploy') },
    configFile,
    remove: () => rm(tmp, { recursive: true, force: true }),
  };
}

const FAKE_KEY = '-----BEGIN RSA PRIVATE KEY-----\nnot a real key\n-----END RSA PRIVATE KEY-----\n';

let built: Promise<string[]> | undefined;
/** The functions are built by the first deploy of a test file, and that build is reused by the file's others. */
const buildOnce = (root: string): Promise<string[]> => {
  built ??= buildFunctions(root);
  return built;
};

export interface Run {
  lines: string[];
  output: string;
  recorded: Awaited<ReturnType<typeof runDeploy>>['recorded'];
  warnings: string[];
}

/** `npm run deploy -- <argv>` in the sandbox; a real run talks to `wechat`. */
export async function deploy(
  box: Sandbox,
  argv: string[],
  { wechat, revision = CLEAN, now = NOW }: { wechat?: WeChat; revision?: Revision; now?: Date } = {},
): Promise<Run> {
  const lines: string[] = [];
  const { recorded, warnings } = await runDeploy(parseDeployArgs(argv), {
    ws: box.ws,
    configFile: box.configFile,
    wechat: () => {
      if (wechat === undefined) throw new Error('this run was not meant to talk to WeChat');
      return wechat;
    },
    log: (line) => lines.push(line),
    now: () => now,
    revision,
    buildFunctions: buildOnce,
  });
  return { lines, output: lines.join('\n'), recorded, warnings };
}

export const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

interface CloudFunction {
  settings: FunctionSettings;
  /** The files of the last upload, by name. */
  code: string[] | null;
  triggers: Trigger[];
}

/**
 * An environment as the deploy sees it through WeChat: functions with their settings, code and triggers, uploads of
 * the app. Like the platform, it refuses a trigger whose name the function has already. Every call is logged.
 */
export class FakeCloud implements WeChat {
  readonly functions = new Map<string, CloudFunction>();
  readonly calls: string[] = [];
  readonly uploads: Array<AppUpload & { qrcodeFile?: string; kind: 'upload' | 'preview' }> = [];

  constructor(readonly env: string) {}

  private fn(env: string, name: string): CloudFunction {
    if (env !== this.env) throw new Error(`no environment ${env}`);
    const found = this.functions.get(name);
    if (found === undefined) throw new Error(`ResourceNotFound.Function ${name}`);
    return found;
  }

  async getFunction({ env, name }: { env: string; name: string }) {
    this.calls.push(`getFunction ${name}`);
    const found = this.functions.get(name);
    return env !== this.env || found === undefined ? null : structuredClone(found.settings);
  }

  async createFunction({ env, name, runtime, timeout, variables }: Parameters<WeChat['createFunction']>[0]) {
    this.calls.push(`createFunction ${name}`);
    if (env !== this.env || this.functions.has(name)) throw new Error(`cannot create ${name}`);
    this.functions.set(name, { settings: { runtime, timeout, variables: { ...variables } }, code: null, triggers: [] });
  }

  async uploadFunction({ env, name, path: dir }: Parameters<WeChat['uploadFunction']>[0]) {
    this.calls.push(`uploadFunction ${name}`);
    const files = await listFiles(dir);
    this.fn(env, name).code = files.map((f) => f.name);
    return { filesCount: files.length, packSize: 1000 };
  }

  async configureFunction({ env, name, timeout, variables }: Parameters<WeChat['configureFunction']>[0]) {
    this.calls.push(`configureFunction ${name}`);
    const fn = this.fn(env, name);
    fn.settings = { ...fn.settings, timeout, variables: { ...variables } };
  }

  async createTimeTrigger({ env, functionName, triggers }: Parameters<WeChat['createTimeTrigger']>[0]) {
    this.calls.push(`createTimeTrigger ${functionName} ${triggers.map((t) => t.name).join(',')}`);
    const fn = this.fn(env, functionName);
    if (triggers.some((t) => fn.triggers.some((had) => had.name === t.name))) {
      return { created: false, message: '请检查传入的 triggersConfig 是否符合格式' };
    }
    fn.triggers.push(...triggers);
    return { created: true, message: '创建定时触发器成功' };
  }

  async upload(app: AppUpload) {
    this.calls.push('upload');
    this.uploads.push({ ...app, kind: 'upload' });
    return { packages: [{ name: '__FULL__', size: 500_000 }] };
  }

  async preview(app: AppUpload & { qrcodeFile: string }) {
    this.calls.push('preview');
    this.uploads.push({ ...app, kind: 'preview' });
    await writeFile(app.qrcodeFile, 'a QR code');
    return { packages: [] };
  }
}
