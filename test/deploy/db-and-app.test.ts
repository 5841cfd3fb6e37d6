import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { VENDOR_BANNER } from '../../scripts/build/vendor';
import { CLEAN, deploy, FakeCloud, NOW, REAL_CONFIG, readJson, repoRoot, type Sandbox, sandbox } from './support';

// Staging builds the functions and packs npm with miniprogram-ci: tens of seconds on a busy machine.
jest.setTimeout(120_000);

let box: Sandbox;
let cloud: FakeCloud;
beforeEach(async () => {
  box = await sandbox(REAL_CONFIG);
  cloud = new FakeCloud(REAL_CONFIG.env);
});
afterEach(() => box.remove());

describe('npm run deploy -- db', () => {
  test('before the functions are deployed it stops: the setup runs in the admin function', async () => {
    await expect(deploy(box, ['db'], { wechat: cloud })).rejects.toThrow(
      /admin 云函数还没有由本脚本部署到环境 prod-7g2k9x：先 npm run deploy -- functions/,
    );
    expect(cloud.calls).toEqual([]);
  });

  test('schedules the admin function’s setup.db once; again with nothing changed, nothing; --force, another minute', async () => {
    await deploy(box, ['functions'], { wechat: cloud });
    const run = await deploy(box, ['db'], { wechat: cloud });
    expect(cloud.functions.get('admin')?.triggers).toEqual([
      { name: 'setupDb202612011435', type: 'timer', config: '0 35 14 1 12 * 2026' },
    ]);
    expect(run.output).toContain('安排：2026-12-01 14:35（北京时间） admin 由一次性的定时触发器 setupDb202612011435');
    expect(run.output).toContain('索引管理 → 添加索引（8 个');

    cloud.calls.length = 0;
    const again = await deploy(box, ['db'], { wechat: cloud });
    expect(cloud.calls).toEqual([]);
    expect(again.output).toContain(
      'setup.db 已安排在 2026-12-01 14:35（北京时间）（触发器 setupDb202612011435），之后集合与期次都没有变化，跳过',
    );

    const later = new Date(NOW.getTime() + 10 * 60_000);
    await deploy(box, ['db', '--force'], { wechat: cloud, now: later });
    expect(cloud.functions.get('admin')?.triggers.map((t) => t.name)).toEqual([
      'setupDb202612011435',
      'setupDb202612011445',
    ]);
  });
});

describe('npm run deploy -- app', () => {
  test('refuses a working tree with changes: the development version must be a commit', async () => {
    await expect(deploy(box, ['app'], { wechat: cloud, revision: { ...CLEAN, dirty: true } })).rejects.toThrow(
      /工作区有未提交的改动/,
    );
    expect(cloud.calls).toEqual([]);
  });

  test('uploads the staged copy as package.json’s version with the commit; the same version and commit again, nothing', async () => {
    const { version } = (await readJson(path.join(repoRoot, 'package.json'))) as { version: string };
    const run = await deploy(box, ['app'], { wechat: cloud });
    expect(cloud.uploads).toEqual([
      { kind: 'upload', projectPath: path.join(box.ws.dir, 'app'), version, desc: '0123456789ab Ship it', robot: 1 },
    ]);
    expect(await readFile(path.join(box.ws.dir, 'app/miniprogram/config.ts'), 'utf8')).toContain(
      `export const CLOUD_ENV = '${REAL_CONFIG.env}';`,
    );
    // The chart library the staff pages require is build output: the staged copy makes its own.
    const charts = await readFile(path.join(box.ws.dir, 'app/miniprogram/staff/vendor/u-charts.js'), 'utf8');
    expect(charts.startsWith(VENDOR_BANNER)).toBe(true);
    expect(run.output).toContain('vendored miniprogram/staff/vendor/u-charts.js');
    expect(run.output).toContain(`上传为开发版 ${version}：之后在微信公众平台 → 管理 → 版本管理`);

    const again = await deploy(box, ['app'], { wechat: cloud });
    expect(cloud.uploads).toHaveLength(1);
    expect(again.output).toContain(
      `版本 ${version}（0123456789ab）已在 ${NOW.toISOString()} 上传，跳过（--force 重传）`,
    );
    // A new commit is a new upload (the skip compares version and commit); --preview never skips and takes changes.
    await deploy(box, ['app', '--preview'], {
      wechat: cloud,
      revision: { ...CLEAN, commit: 'fedcba987654', dirty: true },
    });
    expect(cloud.uploads.map((u) => u.kind)).toEqual(['upload', 'preview']);
    expect(await readFile(path.join(box.ws.dir, 'preview-qrcode.jpg'), 'utf8')).toBe('a QR code');
  });
});
