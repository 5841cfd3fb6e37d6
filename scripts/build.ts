/**
 * npm run build [-- --only functions|npm]
 * Bundles cloudfunctions/<name>/src/index.ts into cloudfunctions/<name>/index.js, packs miniprogram/miniprogram_npm,
 * and converts the staff subpackage's ES-module-only libraries (uCharts) to CommonJS in miniprogram/staff/vendor/.
 */
import { parseArgs } from 'node:util';
import { BuildError } from './build/errors';
import { buildFunctions } from './build/functions';
import { packNpm } from './build/npm';
import { repoRoot } from './build/paths';
import { buildVendor } from './build/vendor';

const STEPS = {
  functions: buildFunctions,
  npm: packNpm,
  vendor: buildVendor,
} satisfies Record<string, (root: string) => Promise<string[]>>;

type Step = keyof typeof STEPS;

const isStep = (value: string): value is Step => Object.hasOwn(STEPS, value);

const USAGE = `usage: npm run build [-- --only ${Object.keys(STEPS).join('|')}]`;

function chooseSteps(argv: string[]): Step[] {
  let only: string | undefined;
  try {
    ({ only } = parseArgs({ args: argv, options: { only: { type: 'string' } }, strict: true }).values);
  } catch (error) {
    throw new BuildError(`${(error as Error).message}\n${USAGE}`);
  }
  if (only === undefined) return Object.keys(STEPS) as Step[];
  if (!isStep(only)) throw new BuildError(`unknown --only "${only}"\n${USAGE}`);
  return [only];
}

async function main(): Promise<void> {
  for (const step of chooseSteps(process.argv.slice(2))) {
    for (const line of await STEPS[step](repoRoot)) console.log(line);
  }
}

main().catch((error: unknown) => {
  const message = error instanceof BuildError ? error.message : error instanceof Error ? error.stack : String(error);
  console.error(`build failed: ${message}`);
  process.exitCode = 1;
});
