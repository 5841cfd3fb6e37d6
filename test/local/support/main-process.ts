import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../../..');

export interface Running {
  child: ChildProcess;
  url: string;
  port: number;
  output: () => string;
  /** Set once the process has exited. */
  exitCode: () => number | null | undefined;
}

/** Starts `local/main.ts` as `npm start` does after its build step, and waits for its URL. */
export function startMain(dataDir: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'local/main.ts', '--port', '0', '--data', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (url) {
        clearTimeout(timer);
        resolve({
          child,
          url: `http://127.0.0.1:${url[1]}`,
          port: Number(url[1]),
          output: () => out,
          exitCode: () => exited,
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
}

/** Stops it as Ctrl-C does; resolves with its exit code. */
export const stopMain = (running: Running): Promise<number | null> =>
  new Promise((resolve) => {
    if (running.exitCode() !== undefined) {
      resolve(running.exitCode() ?? null);
      return;
    }
    running.child.on('exit', (code) => resolve(code));
    running.child.kill('SIGINT');
  });
