/**
 * Figure 8: the local server under load — autocannon, 50 connections for 10 s, against a server the bench starts
 * (scripts/bench/load-server.ts): `POST /api/content` article.get with a counted read by a new reader each time, and
 * `POST /api/track` read, also a new reader each time.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { repoRoot } from '../../build/paths';
import type { Figure } from '../budget';
import { speechesOf } from '../harness';

const CONNECTIONS = 50;
const SECONDS = 10;
const P99_MAX_MS = 50;

const attribution = { scene: 1007, chatType: null, apiCategory: 'default', ch: null, s: null };

async function startServer(dir: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/load-server.ts', dir], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`load server exited with ${code}`)));
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', resolve);
  });
  return { child, port: (JSON.parse(line) as { port: number }).port };
}

async function load(url: string, body: (n: number) => unknown): Promise<autocannon.Result> {
  let n = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    method: 'POST',
    requests: [
      {
        setupRequest: (req) => {
          n += 1;
          return {
            ...req,
            headers: { 'content-type': 'application/json', 'x-openid': `o-load-${n}` },
            body: JSON.stringify(body(n)),
          };
        },
      },
    ],
  });
}

export async function underLoad(): Promise<Figure[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
  const { child, port } = await startServer(dir);
  try {
    const speeches = speechesOf().map((s) => s.id);
    const id = (n: number) => `l-${String(n).padStart(8, '0')}`;
    const cases: Array<[string, string, (n: number) => unknown]> = [
      [
        'POST /api/content article.get, counted',
        'content',
        (n) => ({
          action: 'article.get',
          input: { id: speeches[n % speeches.length], read: { eventId: id(n), attribution } },
        }),
      ],
      [
        'POST /api/track read',
        'track',
        (n) => ({ action: 'read', input: { eventId: id(n), articleId: speeches[n % speeches.length], attribution } }),
      ],
    ];
    const figures: Figure[] = [];
    for (const [name, fn, body] of cases) {
      const probe = await fetch(`http://127.0.0.1:${port}/api/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-openid': 'o-probe' },
        body: JSON.stringify(body(0)),
      });
      const answer = (await probe.json()) as { ok: boolean; code?: string };
      if (!answer.ok) throw new Error(`${name}: ${answer.code}`);
      const result = await load(`http://127.0.0.1:${port}/api/${fn}`, body);
      figures.push(
        { group: 8, name: `${name}: requests/s`, value: result.requests.average, unit: 'req/s', budget: null },
        {
          group: 8,
          name: `${name}: p99 latency`,
          value: result.latency.p99,
          unit: 'ms',
          budget: { max: P99_MAX_MS },
          note: `${
            result.latency.p99 > P99_MAX_MS
              ? `${CONNECTIONS} connections at ${result.requests.average.toFixed(0)} req/s wait ${(
                  (CONNECTIONS / result.requests.average) * 1000
                ).toFixed(
                  0,
                )} ms on average (Little's law) in one single-threaded server sharing 2 cores with the load; p99 ≤ ${P99_MAX_MS} ms takes several times the throughput (less work per request, or more than one server process). `
              : ''
          }p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, mean ${result.latency.average} ms, max ${result.latency.max} ms over ${result.requests.total} requests`,
        },
        {
          group: 8,
          name: `${name}: errors, timeouts, non-2xx`,
          value: result.errors + result.timeouts + result.non2xx,
          unit: '',
          budget: { max: 0 },
        },
      );
    }
    return figures;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
}
