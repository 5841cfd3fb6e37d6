import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { display, formatBytes } from '../build/paths';
import type { DeployContext } from './context';
import { DeployError } from './errors';
import { type FileEntry, totalBytes } from './files';
import { npmCacheDir, previewQrcodeFile, stagedAppDir } from './paths';
import { stageApp } from './stage-app';
import { envStateOf } from './state';

const NPM_DIR = 'miniprogram_npm/';

/** The app's own files one by one; packed npm packages one line each, with how many files they hold. */
function describeFiles(files: readonly FileEntry[]): string[] {
  const own = files.filter((f) => !f.name.startsWith(NPM_DIR));
  const packages = new Map<string, FileEntry[]>();
  for (const f of files.filter((f) => f.name.startsWith(NPM_DIR))) {
    const parts = f.name.slice(NPM_DIR.length).split('/');
    const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] as string);
    packages.set(name, [...(packages.get(name) ?? []), f]);
  }
  return [
    ...own.map((f) => `      ${f.name}  ${formatBytes(f.bytes)}`),
    ...[...packages].map(
      ([name, list]) => `      ${NPM_DIR}${name}/  ${list.length} 个文件 ${formatBytes(totalBytes(list))}`,
    ),
  ];
}

/** Version from package.json; the description names the commit, so that what is live can be found and redeployed. */
export async function versionOf(ctx: DeployContext): Promise<{ version: string; desc: string }> {
  const pkg = JSON.parse(await readFile(path.join(ctx.ws.root, 'package.json'), 'utf8')) as { version: string };
  const { commit, subject, dirty } = ctx.revision;
  const desc = `${commit}${dirty ? '（含未提交的改动）' : ''} ${subject}`.trim().slice(0, 100);
  return { version: pkg.version, desc };
}

/**
 * `app`: stages the mini-program (npm packed into the copy, CLOUD_ENV set to the environment) and uploads it as the
 * development version — skipped when this version and commit were the last uploaded — or, with `preview`, uploads a
 * preview and writes its QR code to a file.
 */
export async function deployApp(ctx: DeployContext, { preview }: { preview: boolean }): Promise<void> {
  const { config, log } = ctx;
  const { version, desc } = await versionOf(ctx);
  const robot = config.robot ?? 1;
  log(
    `小程序 → ${config.appid}（云开发环境 ${config.env}）：版本 ${version}，说明“${desc}”，${preview ? '预览' : '上传为开发版'}`,
  );

  const es = envStateOf(ctx.state, config.env);
  if (!preview) {
    if (ctx.revision.dirty && !ctx.force) {
      const said = '工作区有未提交的改动：开发版要对应一个提交，才能在需要时重新部署同一个版本。先提交（或 --force）';
      if (!ctx.dryRun) throw new DeployError(said);
      log(`  注意：${said}`);
    }
    if (!ctx.dryRun && !ctx.force && es.app?.version === version && es.app.commit === ctx.revision.commit) {
      log(`  版本 ${version}（${ctx.revision.commit}）已在 ${es.app.at} 上传，跳过（--force 重传）`);
      return;
    }
  }

  const staged = await stageApp(
    ctx.ws.root,
    stagedAppDir(ctx.ws),
    { appid: config.appid, env: config.env },
    { cacheDir: npmCacheDir(ctx.ws), fresh: ctx.force },
  );
  for (const line of staged.packed) log(`  ${line}`);
  log(
    `  交给 miniprogram-ci 的 ${display(ctx.ws.root, staged.dir)}/miniprogram/：${staged.files.length} 个文件，${formatBytes(totalBytes(staged.files))}（它编译 TypeScript、去掉没用到的文件后再上传）`,
  );
  for (const line of describeFiles(staged.files)) log(line);

  const upload = { projectPath: staged.dir, version, desc, robot };
  if (preview) {
    const qrcodeFile = previewQrcodeFile(ctx.ws);
    await ctx.wechat.preview({ ...upload, qrcodeFile });
    log(`  预览二维码：${display(ctx.ws.root, qrcodeFile)}（用微信扫码）`);
    return;
  }
  const { packages } = await ctx.wechat.upload(upload);
  for (const p of packages) log(`  ${p.name}  ${formatBytes(p.size)}`);
  log(`  上传为开发版 ${version}：之后在微信公众平台 → 管理 → 版本管理 里设为体验版或提交审核`);
  if (!ctx.dryRun) {
    es.app = { version, commit: ctx.revision.commit, at: ctx.now().toISOString() };
    await ctx.saveState();
  }
}
