import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

export interface LocalServer {
  url: string;
  output: () => string;
  stop(): Promise<void>;
}

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * `local/main.ts --port 0 --data <dir>`: the same local server `npm start` runs, on a free port. Resolves with
 * the preview's URL once it has printed it; rejects (with what it printed) if it exits or stays silent.
 */
export function startServer(dataDir: string, timeoutMs = 60_000): Promise<LocalServer> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'local/main.ts', '--port', '0', '--data', dataDir],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, FORCE_COLOR: '0' } },
  );
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(killer);
  };
  // Never leave the server behind, whatever happens to this process.
  process.once('exit', () => child.kill('SIGKILL'));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the local server printed no URL within ${timeoutMs / 1000}s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /小程序预览：(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the local server exited (${code}) before it was ready:\n${output}`));
    });
  });
}
