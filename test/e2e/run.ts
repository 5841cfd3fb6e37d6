/**
 * npm run test:e2e — the browser preview end to end, in Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH).
 * Starts `local/main.ts --port 0` on a temporary data folder, walks a reader's journey (preview.e2e.ts) with
 * screenshots in test-results/e2e/, stops the server, checks what it recorded, and ends with
 * `e2e: N passed, N failed` (exit code 1 on any failure).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { checkLedger, type Journey, steps } from './preview.e2e';
import { Preview } from './support/preview';
import { type LocalServer, startServer } from './support/server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../../test-results/e2e');
/** The whole run never takes longer than this: a hung browser or server fails it instead. */
const RUN_TIMEOUT_MS = 5 * 60_000;
const STEP_TIMEOUT_MS = 90_000;

let passed = 0;
let failed = 0;

/** `error`: an Error (printed with its stack) or a message for the reader (printed as it is). */
function report(name: string, started: number, error?: unknown): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (error === undefined) {
    passed++;
    console.log(`✓ ${name} (${seconds}s)`);
  } else {
    failed++;
    console.log(`✗ ${name} (${seconds}s)`);
    console.log(
      `  ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).replaceAll('\n', '\n  ')}`,
    );
  }
}

function finish(): never {
  console.log(`\ne2e: ${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

/** The local server itself, or Chromium's own data:/blob: URLs: nothing that leaves the machine. */
function isLocal(url: string, base: string): boolean {
  return url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:');
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000}s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    report(
      'Chromium is installed',
      Date.now(),
      `no Chromium at ${CHROMIUM}. Install it with \`apt-get install -y chromium fonts-noto-cjk\` ` +
        '(Debian/Ubuntu) or point CHROMIUM_PATH at a Chromium or Chrome binary.',
    );
    finish();
  }
  rmSync(SHOTS, { recursive: true, force: true });
  mkdirSync(SHOTS, { recursive: true });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'esd-e2e-data-'));
  const profileDir = mkdtempSync(path.join(tmpdir(), 'esd-e2e-chromium-'));
  let server: LocalServer | null = null;
  let context: BrowserContext | null = null;
  const journey: Partial<Journey> = {};
  const outside: string[] = [];

  const watchdog = setTimeout(() => {
    report(
      'the run finishes in time',
      Date.now() - RUN_TIMEOUT_MS,
      new Error(`stopped after ${RUN_TIMEOUT_MS / 1000}s`),
    );
    void server?.stop();
    finish();
  }, RUN_TIMEOUT_MS);

  try {
    let started = Date.now();
    try {
      server = await startServer(dataDir);
      context = await chromium.launchPersistentContext(profileDir, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
        viewport: { width: 860, height: 880 },
        hasTouch: true,
        locale: 'zh-CN',
        timeout: 60_000,
      });
      context.setDefaultTimeout(20_000);
      // The preview fetches nothing from outside the local server: every other request is blocked, recorded
      // and fails the run by its URL (offline, or where a host is blocked, such a fetch would show as a ☒ box).
      const base = server.url;
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isLocal(url, base)) return route.continue();
        if (!outside.includes(url)) outside.push(url);
        return route.abort('blockedbyclient');
      });
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('pageerror', (error) => console.log(`  [page error] ${error.message}`));
      journey.preview = new Preview(page, `${base}/`, SHOTS);
      report(`the local server (${base}) and Chromium start`, started);
    } catch (error) {
      report('the local server and Chromium start', started, error);
      return;
    }

    for (const [i, step] of steps.entries()) {
      started = Date.now();
      const name = `${i + 1}. ${step.name}`;
      try {
        await withTimeout(step.run(journey as Journey), STEP_TIMEOUT_MS, name);
        report(name, started);
      } catch (error) {
        await journey.preview?.shot(`failed-step-${i + 1}`).catch(() => undefined);
        report(name, started, error);
        const rest = steps.slice(i + 1);
        for (const skipped of rest) console.log(`- skipped: ${skipped.name}`);
        failed += rest.length;
        return;
      }
    }
  } finally {
    await context?.close().catch(() => undefined);
    const log = server?.output() ?? '';
    await server?.stop();
    if (failed > 0 && log) console.log(`\n--- local server output ---\n${log.split('\n').slice(-40).join('\n')}`);
    if (failed > 0) console.log(`(data folder kept for a look: ${dataDir}; screenshots in ${SHOTS})`);
    rmSync(profileDir, { recursive: true, force: true });
  }

  if (outside.length === 0) report('the preview fetched nothing from outside the local server', Date.now());
  else
    report(
      'the preview fetched nothing from outside the local server',
      Date.now(),
      `it requested ${outside.length} outside URL(s):\n${outside.join('\n')}`,
    );

  const started = Date.now();
  try {
    await checkLedger(dataDir, journey);
    report('the server recorded B’s read as share-driven and the offline read once (pv 2, uv 2)', started);
  } catch (error) {
    report('the server’s ledger', started, error);
  }
  clearTimeout(watchdog);
  if (failed === 0) rmSync(dataDir, { recursive: true, force: true });
}

main()
  .catch((error: unknown) => report('the e2e run', Date.now(), error))
  .finally(finish);
