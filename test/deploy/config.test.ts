import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EXAMPLE_FILE, FIELDS, loadConfig } from '../../scripts/deploy/config';
import { checkForRealDeploy } from '../../scripts/deploy/preflight';
import { REAL_CONFIG, repoRoot, type Sandbox, sandbox } from './support';

let box: Sandbox;
beforeEach(async () => {
  box = await sandbox(REAL_CONFIG);
});
afterEach(() => box.remove());

/** The message loading `fields` as deploy.config.json stops with. */
async function refusal(fields: unknown): Promise<string> {
  await writeFile(box.configFile, typeof fields === 'string' ? fields : JSON.stringify(fields));
  try {
    await loadConfig(box.configFile);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

const without = (field: string) => Object.fromEntries(Object.entries(REAL_CONFIG).filter(([k]) => k !== field));

describe('deploy.config.json', () => {
  test('the committed example is valid, and so is a filled-in one (robot optional)', async () => {
    await expect(loadConfig(path.join(repoRoot, EXAMPLE_FILE))).resolves.toMatchObject({ runtime: 'Nodejs16.13' });
    await expect(loadConfig(box.configFile)).resolves.toMatchObject({ ...REAL_CONFIG, file: box.configFile });
  });

  test.each(Object.keys(REAL_CONFIG))(
    'without %s, the message names it as missing and says where to get it',
    async (field) => {
      const message = await refusal(without(field));
      expect(message).toContain(`${field}：缺少。${FIELDS[field as keyof typeof FIELDS]}`);
      expect(message).toMatch(/有 1 处要改/);
    },
  );

  test.each([
    ['appid', 'wx12345', /appid：须为 wx 加 16 位小写十六进制数字。小程序的 AppID.*开发管理 → 开发设置/],
    ['appid', 42, /appid：须为带引号的字符串。小程序的 AppID.*微信公众平台/],
    ['env', 'Prod env!', /env：须为 3–40 位小写字母、数字或连字符。云开发环境 ID.*环境ID/],
    ['privateKeyPath', '  ', /privateKeyPath：不能为空。代码上传密钥.*小程序代码上传/],
    ['adminOpenids', [], /adminOpenids：至少要有一位管理员。.*我的编号/],
    ['adminOpenids', 'oAdmin', /adminOpenids：须为列表，如 \["o…", "o…"\]。.*我的编号/],
    [
      'adminOpenids',
      ['oAdmin', 'has space'],
      /adminOpenids\.1：每个 openid 须为 1–64 位字母、数字、_ 或 -。.*我的编号/,
    ],
    ['runtime', 'node16', /runtime：须形如 Nodejs16\.13.*云函数运行环境/],
    ['runtime', 'Nodejs14.18', /runtime：须至少为 Nodejs16\.13。云函数运行环境/],
    ['robot', 31, /robot：须在 1–30 之间。可选：miniprogram-ci 的机器人编号/],
    ['robot', 1.5, /robot：须为整数。/],
  ])('%s = %j is refused, naming the field, the fault and where to get it', async (field, value, expected) => {
    expect(await refusal({ ...REAL_CONFIG, [field]: value })).toMatch(expected);
  });

  test('every problem is listed at once, and a misspelt field is named', async () => {
    const message = await refusal({ appId: 'wx1234567890abcdef', env: 'prod-7g2k9x', runtime: 'Nodejs18.15' });
    expect(message).toMatch(/有 4 处要改/);
    expect(message).toMatch(/appid：缺少。/);
    expect(message).toMatch(/privateKeyPath：缺少。/);
    expect(message).toMatch(/adminOpenids：缺少。/);
    expect(message).toMatch(/appId：没有这个字段（拼写错了？可用的字段：appid、env/);
  });

  test('a missing file says to copy the example; a broken one says it is not JSON', async () => {
    await expect(loadConfig(path.join(box.tmp, 'nope.json'))).rejects.toThrow(
      /没有找到 .*nope\.json：先 cp deploy\.config\.example\.json deploy\.config\.json/,
    );
    expect(await refusal('{"appid": ')).toMatch(/deploy\.config\.json 不是有效的 JSON/);
    expect(await refusal('[]')).toMatch(/须为一个 JSON 对象/);
  });
});

describe('a real deploy (not a dry run) also needs', () => {
  test('values of its own, not the example’s', async () => {
    const example = await loadConfig(path.join(repoRoot, EXAMPLE_FILE));
    await expect(checkForRealDeploy(repoRoot, example)).rejects.toThrow(
      /appid：还是 deploy\.config\.example\.json 里的示例值/,
    );
    const ownAppid = { ...example, appid: 'wx1234567890abcdef' };
    await expect(checkForRealDeploy(repoRoot, ownAppid)).rejects.toThrow(/env：还是 .*示例值/);
  });

  test('the upload key where privateKeyPath says (relative to the configuration), and a key in it', async () => {
    const config = await loadConfig(box.configFile);
    await expect(checkForRealDeploy(repoRoot, config)).resolves.toBeUndefined();
    await expect(checkForRealDeploy(repoRoot, { ...config, privateKeyPath: './gone.key' })).rejects.toThrow(
      new RegExp(`privateKeyPath：没有找到 .*gone\\.key。${FIELDS.privateKeyPath.slice(0, 20)}`),
    );
    await writeFile(path.join(box.tmp, 'wrong.key'), 'hello');
    await expect(checkForRealDeploy(repoRoot, { ...config, privateKeyPath: './wrong.key' })).rejects.toThrow(
      /privateKeyPath：.*wrong\.key 不像私钥/,
    );
  });
});
