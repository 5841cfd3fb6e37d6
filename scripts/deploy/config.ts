import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import '../../backend/core/zod';
import { RUNTIME } from '../../backend/cloud/settings';
import { parseAdminOpenids } from '../../backend/staff/roles';
import { DeployError } from './errors';

/** The engineer's own copy, git-ignored; the example beside it is committed. */
export const CONFIG_FILE = 'deploy.config.json';
export const EXAMPLE_FILE = 'deploy.config.example.json';

/** What each field is and where to find it: every message about a field ends with this. */
export const FIELDS = {
  appid: '小程序的 AppID（形如 wx0123456789abcdef）：微信公众平台 mp.weixin.qq.com → 开发管理 → 开发设置 → 开发者ID',
  env: '云开发环境 ID（形如 cloud1-8g3hxyz12345abcd）：微信开发者工具 → 云开发 → 设置 → 环境ID，或云开发控制台顶部的环境名称旁',
  privateKeyPath:
    '代码上传密钥的路径（相对本文件所在目录，如 ./private.wx0123456789abcdef.key）：微信公众平台 → 开发管理 → 开发设置 → 小程序代码上传 → 生成并下载“代码上传密钥”，并在同一处设置 IP 白名单；不要提交到仓库',
  adminOpenids:
    '最早的管理员的 openid 列表（部署为 stats、admin 的 ADMIN_OPENIDS）：请管理员在小程序“工作台”里看“我的编号”（admin 的 whoami 返回的 myNumber），之后在“工作台 → 人员”里增删',
  runtime: `云函数运行环境，形如 ${RUNTIME}，至少 ${RUNTIME}（backend/cloud/settings.ts 的 RUNTIME：包里用到 node: 模块）；只在新建云函数时生效`,
  robot: '可选：miniprogram-ci 的机器人编号 1–30，在微信公众平台的版本管理里区分是谁上传的，默认 1',
} as const;

type Field = keyof typeof FIELDS;

const nodeVersion = (runtime: string): [number, number] | null => {
  const m = /^Nodejs(\d+)\.(\d+)$/.exec(runtime);
  return m === null ? null : [Number(m[1]), Number(m[2])];
};

/** Whether a runtime such as `Nodejs18.15` is at least `minimum` (both in that form). */
export function runtimeAtLeast(runtime: string, minimum: string = RUNTIME): boolean {
  const [have, want] = [nodeVersion(runtime), nodeVersion(minimum)];
  if (have === null || want === null) return false;
  return have[0] > want[0] || (have[0] === want[0] && have[1] >= want[1]);
}

/** One openid as ADMIN_OPENIDS carries it: what parseAdminOpenids keeps, unchanged. */
const isOpenid = (id: string): boolean => parseAdminOpenids(id).join() === id;

const TEXT = '须为带引号的字符串';

const schema = z.strictObject({
  appid: z.string(TEXT).check(z.regex(/^wx[0-9a-f]{16}$/, '须为 wx 加 16 位小写十六进制数字')),
  env: z.string(TEXT).check(z.regex(/^[a-z0-9][a-z0-9-]{2,39}$/, '须为 3–40 位小写字母、数字或连字符')),
  privateKeyPath: z.string(TEXT).check(z.trim(), z.minLength(1, '不能为空')),
  adminOpenids: z
    .array(
      z.string(TEXT).check(z.refine(isOpenid, '每个 openid 须为 1–64 位字母、数字、_ 或 -')),
      '须为列表，如 ["o…", "o…"]',
    )
    .check(z.minLength(1, '至少要有一位管理员')),
  runtime: z.string().check(
    z.regex(/^Nodejs\d+\.\d+$/, `须形如 ${RUNTIME}`),
    z.refine((r) => runtimeAtLeast(r), `须至少为 ${RUNTIME}`),
  ),
  robot: z.optional(z.int('须为整数').check(z.gte(1, '须在 1–30 之间'), z.lte(30, '须在 1–30 之间'))),
});

export type DeployConfig = z.infer<typeof schema> & {
  /** Where the configuration was read from (relative paths in it are relative to its folder). */
  file: string;
};

const isField = (key: PropertyKey | undefined): key is Field => typeof key === 'string' && Object.hasOwn(FIELDS, key);

/** Each problem on a line of its own, naming the field, what is wrong and where to get it. */
function describe(raw: Record<string, unknown>, error: z.core.$ZodError): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        lines.push(`${key}：没有这个字段（拼写错了？可用的字段：${Object.keys(FIELDS).join('、')}）`);
      }
      continue;
    }
    const [field, ...rest] = issue.path;
    if (!isField(field)) {
      lines.push(issue.message);
      continue;
    }
    const name = [field, ...rest].map(String).join('.');
    const problem = raw[field] === undefined ? '缺少' : issue.message;
    lines.push(`${name}：${problem}。${FIELDS[field]}`);
  }
  return [...new Set(lines)];
}

/** The configuration in `file`, validated; a DeployError names every field to fix and where to get it. */
export async function loadConfig(file: string): Promise<DeployConfig> {
  const shown = path.basename(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new DeployError(
      `没有找到 ${file}：先 cp ${EXAMPLE_FILE} ${CONFIG_FILE}，再按其中的说明填写（${CONFIG_FILE} 不提交）`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DeployError(`${shown} 不是有效的 JSON：${(error as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DeployError(`${shown} 须为一个 JSON 对象，字段：${Object.keys(FIELDS).join('、')}`);
  }
  // `$comment` lets the example explain itself; it is not configuration.
  const { $comment: _comment, ...fields } = raw as Record<string, unknown>;
  const parsed = z.safeParse(schema, fields);
  if (!parsed.success) {
    const lines = describe(fields, parsed.error);
    throw new DeployError(`${shown} 有 ${lines.length} 处要改：\n${lines.map((l) => `  ${l}`).join('\n')}`);
  }
  return { ...parsed.data, file: path.resolve(file) };
}

/** The private key's absolute path: relative to the configuration's folder. */
export const privateKeyFile = (config: DeployConfig): string =>
  path.resolve(path.dirname(config.file), config.privateKeyPath);
