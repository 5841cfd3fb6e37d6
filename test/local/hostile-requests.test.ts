import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Running, startMain, stopMain } from './support/main-process';
import { rawRequest } from './support/raw-http';

/** One request line, with the headers a browser would send; the server closes the connection after answering. */
const request = (line: string, headers = 'Host: 127.0.0.1\r\nConnection: close\r\n') => `${line}\r\n${headers}\r\n`;

describe('npm start’s server, sent requests it cannot serve', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'esd-hostile-'));
  let server: Running;

  beforeAll(async () => {
    server = await startMain(dataDir);
  }, 30_000);
  afterAll(async () => {
    expect(await stopMain(server)).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  // After each, the server is still there and serves the app as before.
  afterEach(async () => {
    expect(server.exitCode()).toBeUndefined();
    const res = await fetch(`${server.url}/api/content`, {
      method: 'POST',
      body: JSON.stringify({ action: 'installment.list' }),
    });
    expect(await res.json()).toMatchObject({ ok: true, data: { items: [{ id: 'esd-01' }] } });
  });

  test.each([
    ['a lone % in an asset path', request('GET /assets/% HTTP/1.1'), 400, '百分号编码不对'],
    ['a cut-off UTF-8 escape in an asset path', request('GET /assets/%E0%A4%A HTTP/1.1'), 400, '百分号编码不对'],
    ['HEAD of a lone %', request('HEAD /% HTTP/1.1'), 404, ''],
    ['HEAD of a lone % in an asset path', request('HEAD /assets/% HTTP/1.1'), 400, ''],
    ['an absolute form with a bad port', request('GET http://a:b:c/ HTTP/1.1'), 400, '请求地址不对'],
    ['an absolute form with a bad IPv6 host', request('GET http://[::1/x HTTP/1.1'), 400, '请求地址不对'],
    [
      'a POST of an absolute form with a bad port',
      request('POST http://a:b:c/api/content HTTP/1.1'),
      400,
      '请求地址不对',
    ],
    ['an unknown method', request('FOO / HTTP/1.1'), 400, '请求行或请求头无法解析'],
    ['a header name with a space', request('GET / HTTP/1.1', 'Host: x\r\nBad Header: y\r\n'), 400, '无法解析'],
    ['a request line that is not HTTP', request('GET / HTTP/9'), 400, '无法解析'],
  ])('%s is answered %i, and the server goes on', async (_label, raw, status, message) => {
    const res = await rawRequest(server.port, raw);
    expect(res.status).toBe(status);
    expect(res.body).toContain(message);
  });

  test('each of them is logged once', () => {
    const log = server.output();
    expect(log.match(/地址编码不对 → 400 \/assets\/%\n/g)).toHaveLength(2);
    expect(log.match(/GET http:\/\/a:b:c\/ - → BAD_REQUEST/g)).toHaveLength(1);
    expect(log.match(/→ 400 HPE_INVALID_METHOD/g)).toHaveLength(1);
    expect(log).not.toMatch(/URIError|TypeError|Invalid URL/);
  });
});
