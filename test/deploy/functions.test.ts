import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FUNCTION_TIMEOUT_S } from '../../backend/cloud/limits';
import { FUNCTION_ENV } from '../../backend/cloud/settings';
import { UPLOADED_FILES } from '../../scripts/deploy/stage-functions';
import { deploy, FakeCloud, REAL_CONFIG, readJson, type Sandbox, sandbox } from './support';

const FUNCTIONS = Object.keys(FUNCTION_ENV).sort();
const ADMIN_OPENIDS = REAL_CONFIG.adminOpenids.join(',');

let box: Sandbox;
let cloud: FakeCloud;
beforeEach(async () => {
  box = await sandbox(REAL_CONFIG);
  cloud = new FakeCloud(REAL_CONFIG.env);
});
afterEach(() => box.remove());

const secretOf = async (b: Sandbox) =>
  ((await readJson(path.join(b.ws.dir, 'secrets.json'))) as { READER_HASH_SECRET: string }).READER_HASH_SECRET;

describe('npm run deploy -- functions', () => {
  test('in a new environment: each function made as configured, its code uploaded, one secret everywhere, the timer made', async () => {
    const run = await deploy(box, ['functions'], { wechat: cloud });
    const secret = await secretOf(box);
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect((await stat(path.join(box.ws.dir, 'secrets.json'))).mode & 0o777).toBe(0o600);
    for (const fn of FUNCTIONS) {
      const wanted: Record<string, string> = { READER_HASH_SECRET: secret, ADMIN_OPENIDS };
      const names = FUNCTION_ENV[fn as keyof typeof FUNCTION_ENV] as readonly string[];
      expect(cloud.functions.get(fn)).toEqual({
        settings: {
          runtime: 'Nodejs16.13',
          timeout: FUNCTION_TIMEOUT_S[fn as keyof typeof FUNCTION_TIMEOUT_S],
          variables: Object.fromEntries(names.map((n) => [n, wanted[n]])),
        },
        code: [...UPLOADED_FILES].sort(),
        triggers: fn === 'track' ? [{ name: 'reconcileDaily', type: 'timer', config: '0 17 3 * * * *' }] : [],
      });
    }
    expect(run.output).toContain('READER_HASH_SECRET：新生成（32 字节随机数，已存入 .deploy/secrets.json）');
    expect(run.output).not.toContain(secret);
    for (const openid of REAL_CONFIG.adminOpenids) expect(run.output).not.toContain(openid);
    expect(run.warnings).toEqual([]);
  });

  test('run again, nothing differs: it only reads the functions’ settings', async () => {
    await deploy(box, ['functions'], { wechat: cloud });
    const secret = await secretOf(box);
    cloud.calls.length = 0;
    const run = await deploy(box, ['functions'], { wechat: cloud });
    expect(cloud.calls).toEqual(FUNCTIONS.map((fn) => `getFunction ${fn}`));
    expect(run.output).toContain('代码与上次上传的相同，跳过（--force 重传）');
    expect(run.output).toContain('触发器 reconcileDaily（timer 0 17 3 * * * *） 与上次创建的相同，跳过');
    expect(await secretOf(box)).toBe(secret);
  });

  test('changes only what differs: new code, a variable changed in the console, a timeout; variables set by hand stay', async () => {
    await deploy(box, ['functions'], { wechat: cloud });
    const secret = await secretOf(box);
    // The content code last uploaded was another; someone edited stats' variables and track's timeout by hand.
    const stateFile = path.join(box.ws.dir, 'state.json');
    const state = (await readJson(stateFile)) as Record<string, { functions: Record<string, { code: string }> }>;
    (state[REAL_CONFIG.env] as { functions: Record<string, { code: string }> }).functions.content = { code: 'older' };
    await writeFile(stateFile, JSON.stringify(state));
    const stats = cloud.functions.get('stats');
    const track = cloud.functions.get('track');
    if (stats === undefined || track === undefined) throw new Error('not deployed');
    stats.settings.variables = { READER_HASH_SECRET: secret, ADMIN_OPENIDS: 'oSomeoneElse', LOG_LEVEL: 'debug' };
    track.settings.timeout = 3;
    cloud.calls.length = 0;

    const run = await deploy(box, ['functions'], { wechat: cloud });
    expect(cloud.calls.filter((c) => !c.startsWith('getFunction'))).toEqual([
      'uploadFunction content',
      'configureFunction stats',
      'configureFunction track',
    ]);
    expect(stats.settings.variables).toEqual({ READER_HASH_SECRET: secret, ADMIN_OPENIDS, LOG_LEVEL: 'debug' });
    expect(track.settings.timeout).toBe(60);
    expect(run.output).toContain('设置：环境变量 ADMIN_OPENIDS（其余不变）');
    expect(run.output).toContain('设置：超时 60 秒');
  });

  test('--force uploads and sets everything again', async () => {
    await deploy(box, ['functions'], { wechat: cloud });
    cloud.calls.length = 0;
    await deploy(box, ['functions', '--force'], { wechat: cloud });
    for (const fn of FUNCTIONS) {
      expect(cloud.calls).toContain(`uploadFunction ${fn}`);
      expect(cloud.calls).toContain(`configureFunction ${fn}`);
    }
  });
});

describe('the reader-hash secret', () => {
  test('a second clone deploys the secret the functions have; one whose own differs stops, unless forced', async () => {
    await deploy(box, ['functions'], { wechat: cloud });
    const first = await secretOf(box);

    const second = await sandbox(REAL_CONFIG);
    try {
      const run = await deploy(second, ['functions'], { wechat: cloud });
      expect(run.output).toContain('READER_HASH_SECRET：沿用云函数里已有的（已存入 .deploy/secrets.json）');
      expect(await secretOf(second)).toBe(first);

      const other = 'another-secret-of-a-third-clone-0123456789';
      await writeFile(path.join(second.ws.dir, 'secrets.json'), JSON.stringify({ READER_HASH_SECRET: other }));
      await expect(deploy(second, ['functions'], { wechat: cloud })).rejects.toThrow(
        /本地 \.deploy\/secrets\.json 的 READER_HASH_SECRET 与云端的不同：换密钥会把每位读者都算成新读者/,
      );
      expect(cloud.functions.get('content')?.settings.variables.READER_HASH_SECRET).toBe(first);
      await deploy(second, ['functions', '--force'], { wechat: cloud });
      for (const fn of FUNCTIONS) expect(cloud.functions.get(fn)?.settings.variables.READER_HASH_SECRET).toBe(other);
    } finally {
      await second.remove();
    }
  });
});

describe('what a deploy cannot fix by itself', () => {
  test('functions whose secrets differ already (readers counted apart): it stops until told which to keep', async () => {
    await deploy(box, ['functions'], { wechat: cloud });
    const track = cloud.functions.get('track');
    if (track === undefined) throw new Error('not deployed');
    track.settings.variables.READER_HASH_SECRET = 'set-by-hand-in-the-console-0123';
    await expect(deploy(box, ['functions'], { wechat: cloud })).rejects.toThrow(/云函数的 READER_HASH_SECRET 各不相同/);
    await deploy(box, ['functions', '--force'], { wechat: cloud });
    expect(track.settings.variables.READER_HASH_SECRET).toBe(await secretOf(box));
  });

  test('a function that exists on a runtime too old: it stops, naming the function and what to do', async () => {
    cloud.functions.set('content', {
      settings: { runtime: 'Nodejs12.16', timeout: 3, variables: {} },
      code: null,
      triggers: [],
    });
    await expect(deploy(box, ['functions'], { wechat: cloud })).rejects.toThrow(
      /云函数 content 的运行环境是 Nodejs12\.16，低于 Nodejs16\.13.*在云开发控制台删除这个函数后重新部署/,
    );
    expect(cloud.calls.filter((c) => !c.startsWith('getFunction'))).toEqual([
      'createFunction admin',
      'uploadFunction admin',
    ]);
  });

  test('a trigger WeChat refuses (one of that name made earlier in DevTools) is reported at the end, not hidden', async () => {
    cloud.functions.set('track', {
      settings: { runtime: 'Nodejs18.15', timeout: 60, variables: {} },
      code: null,
      triggers: [{ name: 'reconcileDaily', type: 'timer', config: '0 17 3 * * * *' }],
    });
    const run = await deploy(box, ['functions'], { wechat: cloud });
    expect(run.output).toContain('运行环境 Nodejs18.15（配置为 Nodejs16.13；已有函数的运行环境不由部署改动）');
    expect(run.warnings).toEqual([expect.stringMatching(/^track 的触发器 reconcileDaily.*没有创建.*删掉旧的/)]);
    expect(run.lines.at(-2)).toBe('要处理的 1 件事：');
  });
});
