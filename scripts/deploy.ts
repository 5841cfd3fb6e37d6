/**
 * npm run deploy -- <functions|db|app|all> [--dry-run] [--force] [--preview] [--config <file>]
 * From deploy.config.json to a running cloud environment with miniprogram-ci; see README 上线 and `scripts/deploy/`.
 */
import path from 'node:path';
import { BuildError } from './build/errors';
import { repoRoot } from './build/paths';
import { miniprogramCi } from './deploy/ci';
import { CONFIG_FILE } from './deploy/config';
import { DeployError } from './deploy/errors';
import { DEPLOY_DIR } from './deploy/paths';
import { parseDeployArgs, runDeploy } from './deploy/run';

async function main(): Promise<void> {
  const options = parseDeployArgs(process.argv.slice(2));
  const ws = { root: repoRoot, dir: path.join(repoRoot, DEPLOY_DIR) };
  await runDeploy(options, {
    ws,
    configFile: path.resolve(options.config ?? path.join(repoRoot, CONFIG_FILE)),
    wechat: (config) => miniprogramCi(config, ws),
    log: (line) => console.log(line),
  });
}

main().catch((error: unknown) => {
  const forPeople = error instanceof DeployError || error instanceof BuildError;
  const message = forPeople ? error.message : error instanceof Error ? error.stack : String(error);
  console.error(`部署失败：${message}`);
  process.exitCode = 1;
});
