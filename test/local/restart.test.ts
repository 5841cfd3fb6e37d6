import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `local/main.ts` as `npm start` does after its build step, and waits for its URL. */
function start(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts', '--port', '0', '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (url) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${url[1]}`, output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

const stop = (running: Running): Promise<number | null> =>
  new Promise((resolve) => {
    running.child.on('exit', (code) => resolve(code));
    running.child.kill('SIGINT');
  });

const getInstallment = async (url: string) => {
  const res = await fetch(`${url}/api/content`, {
    method: 'POST',
    body: JSON.stringify({ action: 'installment.get', input: { id: 'esd-01' } }),
  });
  return (await res.json()) as { ok: boolean; data: { title: string; articles: unknown[] } };
};

describe('npm start’s server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'esd-data-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  test('imports installment (一) into an empty database, and keeps it across a restart', async () => {
    const first = await start(dataDir);
    expect(first.output()).toContain('已导入内容：esd-01');
    expect((await getInstallment(first.url)).data.articles).toHaveLength(6);
    expect(await stop(first)).toBe(0);

    const second = await start(dataDir);
    expect(second.output()).not.toContain('已导入内容');
    const body = await getInstallment(second.url);
    expect(body.data.title).toBe('深入学习领会党的二十大精神');
    expect(await stop(second)).toBe(0);
    expect(second.output()).toContain('正在关闭');
  }, 60_000);
});
