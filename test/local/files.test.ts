import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFiles, serveFiles } from '../../local/files';
import { pathOf } from '../../local/target';

describe('files staff make, on npm start', () => {
  let dir: string;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'esd-files-'));
    const serve = serveFiles(dir);
    server = createServer((req, res) => {
      if (!serve(req, res, pathOf(req.url) ?? '')) res.writeHead(418).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  test('are written under the data folder and served at the link they are given', async () => {
    const store = localFiles(dir, () => base);
    const { url } = await store.put('exports/阅读统计-all.csv', Buffer.from('\uFEFF标题\r\n'), 'text/csv');
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(Buffer.from(await res.arrayBuffer()).toString('utf8')).toBe('\uFEFF标题\r\n');
  });

  test('never leave their folder, and a bad name is refused', async () => {
    await expect(localFiles(dir, () => base).put('exports/../x.csv', Buffer.from(''), 'text/csv')).rejects.toThrow();
    // Paths as a raw request could carry them (fetch and URL would resolve the dots first).
    const serve = serveFiles(dir);
    for (const p of [
      '/files/../app.db',
      '/files/exports/..%2f..%2fapp.db',
      '/files/%E0%A4%A',
      '/files/exports/none.csv',
    ]) {
      const status = await new Promise<number>((resolve) => {
        const res = { writeHead: (code: number) => resolve(code), end: () => undefined };
        serve({ method: 'GET' } as never, res as never, p);
      });
      expect([p, status]).toEqual([p, 404]);
    }
  });
});
