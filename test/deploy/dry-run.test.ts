import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FUNCTION_TIMEOUT_S } from '../../backend/cloud/limits';
import { FUNCTION_ENV, INVOKE_RULE } from '../../backend/cloud/settings';
import { COLLECTIONS, INDEXES } from '../../backend/storage/cloudbase/indexes';
import { UPLOADED_FILES } from '../../scripts/deploy/stage-functions';
import { API } from '../../scripts/deploy/wechat';
import { CLEAN, deploy, type Run, readJson, repoRoot, type Sandbox, sandbox } from './support';

// Staging builds the functions and packs npm with miniprogram-ci: tens of seconds on a busy machine.
jest.setTimeout(120_000);

const FUNCTIONS = Object.keys(FUNCTION_ENV).sort();
const SECRET = 'a-secret-kept-by-this-clone-0123456789-abcdef';

const exists = (file: string) =>
  stat(file).then(
    () => true,
    () => false,
  );

describe('npm run deploy -- all --dry-run, from the example configuration', () => {
  let box: Sandbox;
  let run: Run;
  let example: { appid: string; env: string; adminOpenids: string[] };
  beforeAll(async () => {
    box = await sandbox('example');
    example = (await readJson(box.configFile)) as typeof example;
    run = await deploy(box, ['all', '--dry-run'], { revision: { ...CLEAN, dirty: true } });
  });
  afterAll(() => box.remove());

  test('talks to WeChat not at all, and keeps nothing: no secret generated, no state', async () => {
    expect(run.recorded).not.toBeNull();
    expect(await exists(path.join(box.ws.dir, 'secrets.json'))).toBe(false);
    expect(await exists(path.join(box.ws.dir, 'state.json'))).toBe(false);
    expect(run.output).toMatch(/^预演（--dry-run）：不连接微信/);
    expect(run.output).toContain('READER_HASH_SECRET：没有 .deploy/secrets.json：部署时沿用云端已有的，没有就新生成');
  });

  test('the calls are functions, then the database setup, then the app, each as a new environment takes it', () => {
    const calls = run.recorded?.calls ?? [];
    const apis = calls.map((c) => `${c.api} ${String(c.args.name ?? c.args.functionName ?? '')}`.trim());
    expect(apis).toEqual([
      ...FUNCTIONS.map((fn) => `${API.getFunction} ${fn}`),
      ...FUNCTIONS.flatMap((fn) => [`${API.createFunction} ${fn}`, `${API.uploadFunction} ${fn}`]),
      `${API.createTimeTrigger} track`,
      `${API.createTimeTrigger} admin`,
      API.upload,
    ]);
  });

  test('each function is made with the runtime, its timeout and the names of its variables, then its code uploaded', () => {
    const calls = run.recorded?.calls ?? [];
    for (const fn of FUNCTIONS) {
      expect(calls).toContainEqual({
        api: API.createFunction,
        args: {
          env: example.env,
          name: fn,
          runtime: 'Nodejs16.13',
          timeout: FUNCTION_TIMEOUT_S[fn as keyof typeof FUNCTION_TIMEOUT_S],
          variables: [...FUNCTION_ENV[fn as keyof typeof FUNCTION_ENV]],
        },
      });
      expect(calls).toContainEqual({
        api: API.uploadFunction,
        args: { env: example.env, name: fn, path: path.join(box.ws.dir, 'functions', fn), remoteNpmInstall: true },
      });
    }
    expect(calls).toContainEqual({
      api: API.createTimeTrigger,
      args: {
        envId: example.env,
        functionName: 'track',
        triggersConfig: [{ name: 'reconcileDaily', type: 'timer', config: '0 17 3 * * * *' }],
      },
    });
  });

  test('prints every file to be uploaded with its size, and variable names but never a value', () => {
    for (const fn of FUNCTIONS) {
      expect(run.output).toMatch(
        new RegExp(
          `  ${fn}  .*/functions/${fn}/：config\\.json \\d+ B，index\\.js [\\d.]+ kB，index\\.js\\.map [\\d.]+ kB，package\\.json \\d+ B`,
        ),
      );
    }
    expect(run.output).toContain('新建：运行环境 Nodejs16.13，超时 20 秒，环境变量 READER_HASH_SECRET、ADMIN_OPENIDS');
    expect(run.output).toContain('触发器 reconcileDaily（timer 0 17 3 * * * *）：创建');
    for (const openid of example.adminOpenids) expect(run.output).not.toContain(openid);
  });

  test('names what only the console can set: single-page access, the invocation rule, the collections’ permissions', () => {
    expect(run.output).toContain('开启“未登录访问”');
    expect(run.output).toContain(`云函数权限（安全规则）设为 ${JSON.stringify(INVOKE_RULE)}`);
    expect(run.output).toContain('每个集合 → 数据权限 → 自定义安全规则：{"read": false, "write": false}');
  });

  test('the database step schedules the setup once, two minutes on, and lists every collection and index', () => {
    // 14:32:10 China time: the trigger fires at 14:35.
    expect(run.recorded?.calls).toContainEqual({
      api: API.createTimeTrigger,
      args: {
        envId: example.env,
        functionName: 'admin',
        triggersConfig: [{ name: 'setupDb202612011435', type: 'timer', config: '0 35 14 1 12 * 2026' }],
      },
    });
    expect(run.output).toContain('安排：2026-12-01 14:35（北京时间） admin 由一次性的定时触发器 setupDb202612011435');
    expect(run.output).toContain(`集合（缺的由 admin 的 setup.db 新建）：${COLLECTIONS.join('、')}`);
    expect(run.output).toContain('自定义安全规则：{"read": false, "write": false}');
    for (const index of INDEXES) {
      const fields = index.fields.map(([f, d]) => `${f} ${d === 1 ? '升序' : '降序'}`).join('，');
      expect(run.output).toContain(
        `${index.collection}  ${index.name}  ${fields}  ${index.unique ? '唯一' : '非唯一'}`,
      );
    }
  });

  test('the app is uploaded as package.json’s version, described by its commit, from a copy set to the environment', async () => {
    const { version } = (await readJson(path.join(repoRoot, 'package.json'))) as { version: string };
    const app = path.join(box.ws.dir, 'app');
    expect(run.recorded?.calls.at(-1)).toEqual({
      api: API.upload,
      args: { projectPath: app, version, desc: '0123456789ab（含未提交的改动） Ship it', robot: 1 },
    });
    expect(run.output).toContain('注意：工作区有未提交的改动');
    expect(await readFile(path.join(app, 'miniprogram/config.ts'), 'utf8')).toContain(
      `export const CLOUD_ENV = '${example.env}';`,
    );
    expect(await readFile(path.join(repoRoot, 'miniprogram/config.ts'), 'utf8')).toContain(
      "export const CLOUD_ENV = '';",
    );
    const project = (await readJson(path.join(app, 'project.config.json'))) as Record<string, unknown>;
    expect(project).toMatchObject({ appid: example.appid, miniprogramRoot: 'miniprogram/' });
    expect(project).not.toHaveProperty('cloudfunctionRoot');
    expect(await exists(path.join(app, 'miniprogram/miniprogram_npm/tdesign-miniprogram/button/button.js'))).toBe(true);
    expect(run.output).toMatch(/交给 miniprogram-ci 的 .*\/app\/miniprogram\/：\d+ 个文件，[\d.]+ kB/);
    expect(run.output).toMatch(/ {6}app\.json {2}\d+ B/);
    expect(run.output).toMatch(/ {6}miniprogram_npm\/tdesign-miniprogram\/ {2}\d+ 个文件 [\d.]+ kB/);
  });

  test('--preview uploads a preview whose QR code goes to a file; npm is not packed again when nothing changed', async () => {
    const preview = await deploy(box, ['app', '--dry-run', '--preview']);
    expect(preview.recorded?.calls).toEqual([
      {
        api: API.preview,
        args: expect.objectContaining({ qrcodeOutputDest: path.join(box.ws.dir, 'preview-qrcode.jpg'), robot: 1 }),
      },
    ]);
    expect(preview.output).toMatch(/预览二维码：.*preview-qrcode\.jpg/);
    expect(preview.output).toContain('npm 包与上次打包时相同');
    expect(
      await exists(path.join(box.ws.dir, 'app/miniprogram/miniprogram_npm/tdesign-miniprogram/button/button.js')),
    ).toBe(true);
  });
});

describe('each built function as uploaded', () => {
  let box: Sandbox;
  beforeAll(async () => {
    box = await sandbox('example');
  });
  afterAll(() => box.remove());

  test('is a folder of exactly index.js, its source map, package.json and config.json, as built', async () => {
    const stray = path.join(box.ws.dir, 'functions', 'content', 'left-over.txt');
    await mkdir(path.dirname(stray), { recursive: true });
    await writeFile(stray, 'from an older deploy');
    await deploy(box, ['functions', '--dry-run']);
    for (const fn of FUNCTIONS) {
      const staged = path.join(box.ws.dir, 'functions', fn);
      expect((await readdir(staged)).sort()).toEqual([...UPLOADED_FILES].sort());
      for (const file of UPLOADED_FILES) {
        expect(await readFile(path.join(staged, file))).toEqual(
          await readFile(path.join(repoRoot, 'cloudfunctions', fn, file)),
        );
      }
    }
  });

  test('a secret this clone keeps is deployed to every function that hashes readers, and never printed', async () => {
    await writeFile(path.join(box.ws.dir, 'secrets.json'), JSON.stringify({ READER_HASH_SECRET: SECRET }));
    const run = await deploy(box, ['functions', '--dry-run']);
    expect(run.output).toContain(
      'READER_HASH_SECRET：沿用 .deploy/secrets.json 里的（content、track、stats、admin 用同一个）',
    );
    expect(run.output).not.toContain(SECRET);
    expect(JSON.stringify(run.recorded?.calls)).not.toContain(SECRET);
  });
});
