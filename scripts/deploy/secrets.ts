import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { LOCAL_READER_SECRET, MIN_SECRET_LENGTH } from '../../backend/core/reader-key';
import { DeployError } from './errors';
import { secretsFile, type Workspace } from './paths';

/** The variable every function that hashes readers gets, the same value in all of them. */
export const READER_SECRET = 'READER_HASH_SECRET';

const fileSchema = z.strictObject({ [READER_SECRET]: z.string().min(32) });

/** 32 random bytes as base64url: 43 characters. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** The secret kept in `.deploy/secrets.json`, or null when there is none yet. */
export async function readSecret(ws: Workspace): Promise<string | null> {
  const file = secretsFile(ws);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const parsed = fileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new DeployError(
      `${file} 不对（须为 {"${READER_SECRET}": "至少 32 个字符"}）：改好，或在确认云端没有读者数据时删除它重新生成`,
    );
  }
  return parsed.data[READER_SECRET];
}

/** Keeps the secret for the next deploy, readable by its owner only. */
export async function writeSecret(ws: Workspace, secret: string): Promise<void> {
  const file = secretsFile(ws);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify({ [READER_SECRET]: secret }, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
}

export type SecretOrigin = 'kept' | 'adopted' | 'generated';

/**
 * The one secret to deploy, from what this clone keeps (`local`) and what the functions already have (`cloud`,
 * their distinct values). A secret is generated only when neither has one; a function's existing secret is adopted
 * by a clone without one (a second machine). A local secret that differs from the cloud's stops the deploy unless
 * forced: a new secret makes every reader a new reader, and counted twice.
 */
export function chooseSecret(
  local: string | null,
  cloud: readonly string[],
  force: boolean,
): { secret: string; origin: SecretOrigin } {
  const usable = cloud.filter((s) => s.length >= MIN_SECRET_LENGTH && s !== LOCAL_READER_SECRET);
  if (cloud.length > 1 && !force) {
    throw new DeployError(
      `云函数的 ${READER_SECRET} 各不相同：同一位读者在不同函数里被算成不同的人。确认要统一为本地 .deploy/secrets.json 的密钥（没有则新生成）请加 --force`,
    );
  }
  if (local !== null) {
    if (cloud.length === 1 && cloud[0] !== local && !force) {
      throw new DeployError(
        `本地 .deploy/secrets.json 的 ${READER_SECRET} 与云端的不同：换密钥会把每位读者都算成新读者。要沿用云端的，删除本地的 .deploy/secrets.json 再部署；确认要换成本地的，加 --force`,
      );
    }
    return { secret: local, origin: 'kept' };
  }
  const [adopted] = usable;
  if (cloud.length === 1 && adopted !== undefined) return { secret: adopted, origin: 'adopted' };
  return { secret: newSecret(), origin: 'generated' };
}
