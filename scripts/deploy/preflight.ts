import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type DeployConfig, EXAMPLE_FILE, FIELDS, privateKeyFile } from './config';
import { DeployError } from './errors';

/**
 * What a real deploy needs beyond a valid configuration (a dry run needs neither): the upload key on disk, and
 * values of the environment's own rather than the example's.
 */
export async function checkForRealDeploy(root: string, config: DeployConfig): Promise<void> {
  const example = JSON.parse(await readFile(path.join(root, EXAMPLE_FILE), 'utf8')) as Record<string, unknown>;
  for (const field of ['appid', 'env', 'adminOpenids'] as const) {
    if (JSON.stringify(config[field]) === JSON.stringify(example[field])) {
      throw new DeployError(`${field}：还是 ${EXAMPLE_FILE} 里的示例值，只能用于 --dry-run。${FIELDS[field]}`);
    }
  }
  const keyFile = privateKeyFile(config);
  let key: string;
  try {
    key = await readFile(keyFile, 'utf8');
  } catch {
    throw new DeployError(`privateKeyPath：没有找到 ${keyFile}。${FIELDS.privateKeyPath}`);
  }
  if (!key.includes('-----BEGIN') || !key.includes('PRIVATE KEY-----')) {
    throw new DeployError(
      `privateKeyPath：${keyFile} 不像私钥（应以 -----BEGIN RSA PRIVATE KEY----- 开头）。${FIELDS.privateKeyPath}`,
    );
  }
}
