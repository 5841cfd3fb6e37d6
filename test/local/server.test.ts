import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Stores } from '../../backend/core/stores';
import { createLocalServer, OPENID_HEADER } from '../../local/server';
import { contentStore } from '../support/content-store';

let store: Stores;
let server: Server;
let base: string;
const lines: string[] = [];

beforeAll(async () => {
  ({ stores: store } = await contentStore());
  server = createLocalServer({ stores: store, log: (line) => lines.push(line) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });

describe('the local server', () => {
  test('serves a function as POST /api/<name> with the JSON the mini-program sends', async () => {
    const res = await post('/api/content', JSON.stringify({ action: 'installment.get', input: { id: 'esd-01' } }));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: boolean; data: { articles: unknown[] } };
    expect(body.ok).toBe(true);
    expect(body.data.articles).toHaveLength(6);
    expect(lines.at(-1)).toMatch(/^POST \/api\/content installment\.get → ok \d+ms$/);
  });

  test('answers an unknown function or path with NOT_FOUND', async () => {
    const res = await post('/api/nosuch', '{}');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await fetch(`${base}/api/content`)).status).toBe(404);
  });

  test('answers a body that is not JSON, or too large, with BAD_REQUEST', async () => {
    const broken = await post('/api/content', '{"action":');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    const huge = await post('/api/content', JSON.stringify({ action: 'search', input: { q: 'x'.repeat(300_000) } }));
    expect(huge.status).toBe(413);
    expect(await huge.json()).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  test('answers valid JSON of the wrong shape as a bad request, not as broken JSON', async () => {
    const res = await post('/api/content', '{"action":{"toString":1}}');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { ok: false; code: string; message: string };
    expect(body).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(body.message).toMatch(/^请求格式不对：action/);
    expect(lines.at(-1)).toMatch(/^POST \/api\/content - → BAD_REQUEST \d+ms$/);
  });

  test('a route that throws is answered 500 and logged once, and the server goes on', async () => {
    const logged: string[] = [];
    const failing = createLocalServer({
      stores: store,
      log: (line) => logged.push(line),
      fallback: (req) => {
        if (req.url === '/throws') throw new Error('boom');
        return false;
      },
    });
    await new Promise<void>((resolve) => failing.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
    try {
      const res = await fetch(`${url}/throws`);
      expect(res.status).toBe(500);
      expect(await res.json()).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(logged.filter((line) => line.includes('boom'))).toHaveLength(1);
      expect((await fetch(`${url}/elsewhere`)).status).toBe(404);
    } finally {
      await new Promise((resolve) => failing.close(resolve));
    }
  });

  test('serves the track function: a read counted for the reader the header names', async () => {
    const read = (openid: string) =>
      post(
        '/api/track',
        JSON.stringify({
          action: 'read',
          input: {
            eventId: `local-${openid}-0001`,
            articleId: '825czk',
            attribution: { scene: 1007, chatType: 1, apiCategory: 'default', ch: 'bao', s: null },
          },
        }),
        { [OPENID_HEADER]: openid },
      );
    expect(await (await read('reader-a')).json()).toEqual({ ok: true, data: { counted: true, readCount: 1 } });
    expect(await (await read('reader-b')).json()).toEqual({ ok: true, data: { counted: true, readCount: 2 } });
    expect(await (await read('reader-a')).json()).toEqual({ ok: true, data: { counted: true, readCount: 2 } });
    expect(lines.at(-1)).toMatch(/^POST \/api\/track read → ok \d+ms$/);
  });

  test('takes identity from the header, never from the payload', async () => {
    const res = await post('/api/content', JSON.stringify({ action: 'installment.list', openid: 'spoofed' }), {
      [OPENID_HEADER]: 'reader-a',
    });
    expect(await res.json()).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});
