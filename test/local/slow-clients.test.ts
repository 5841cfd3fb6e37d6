import type { Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import type { Stores } from '../../backend/core/stores';
import {
  createLocalServer,
  DEFAULT_LIMITS,
  HEADERS_TIMEOUT_MS,
  MAX_CONNECTIONS,
  REQUEST_TIMEOUT_MS,
} from '../../local/server';
import { contentStore } from '../support/content-store';

/** Small limits, so that being cut off shows within a test's second. */
const LIMITS = { headersTimeoutMs: 200, requestTimeoutMs: 300, keepAliveTimeoutMs: 200, timeoutCheckMs: 50 };

let store: Stores;
let server: Server;
let port: number;
const lines: string[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  ({ stores: store } = await contentStore());
  server = createLocalServer({ stores: store, log: (line) => lines.push(line), limits: LIMITS });
  port = await listen(server);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.destroy();
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await store.close();
});

const listen = async (s: Server): Promise<number> => {
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  return (s.address() as AddressInfo).port;
};

interface Trickle {
  /** What the server sent, and when it closed the connection (ms after the first byte was sent). */
  closed: Promise<{ answer: string; afterMs: number }>;
}

/** A client that sends `head` and then one byte of `rest` every `everyMs`, until the server closes on it. */
function trickle(head: string, rest: string, everyMs: number): Trickle {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  const started = Date.now();
  let answer = '';
  let sent = 0;
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    socket.write(head);
    timer = setInterval(() => {
      if (sent < rest.length && socket.writable) socket.write(rest[sent++] ?? '');
    }, everyMs);
  });
  socket.on('data', (chunk) => {
    answer += chunk.toString();
  });
  socket.on('error', () => undefined);
  return {
    closed: new Promise((resolve) =>
      socket.on('close', () => {
        clearInterval(timer);
        resolve({ answer, afterMs: Date.now() - started });
      }),
    ),
  };
}

const openConnection = (to = port): Promise<Socket> =>
  new Promise((resolve) => {
    const socket = connect(to, '127.0.0.1', () => resolve(socket));
    // Flowing, so that the server closing it is seen even when nobody reads what it sent.
    socket.resume();
    sockets.push(socket);
  });

const installmentList = (to = port) =>
  fetch(`http://127.0.0.1:${to}/api/content`, {
    method: 'POST',
    body: JSON.stringify({ action: 'installment.list' }),
    headers: { connection: 'close' },
  });

describe('the local server and slow or many clients', () => {
  test('its limits are the documented constants unless a caller says otherwise', () => {
    const real = createLocalServer({ stores: store });
    expect(real.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(real.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(real.keepAliveTimeout).toBe(DEFAULT_LIMITS.keepAliveTimeoutMs);
    expect(real.maxConnections).toBe(MAX_CONNECTIONS);
  });

  test('a body sent one byte at a time is cut off with a 408 once the request takes too long', async () => {
    const body = JSON.stringify({ action: 'installment.list' });
    const head = `POST /api/content HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { answer, afterMs } = await trickle(head, body, 40).closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toContain('请求发送得太慢');
    expect(afterMs).toBeLessThan(1000);
    expect(lines.filter((line) => line.includes('ERR_HTTP_REQUEST_TIMEOUT'))).toHaveLength(1);
    expect((await installmentList()).status).toBe(200);
  });

  test('headers sent one byte at a time are cut off once they take too long', async () => {
    const { answer, afterMs } = await trickle('', 'GET / HTTP/1.1\r\nHost: x\r\nX-Slow: 1234567890\r\n\r\n', 20).closed;
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(afterMs).toBeLessThan(1000);
  });

  test('a connection that never sends a byte is closed after the headers timeout, unanswered and unlogged', async () => {
    const socket = await openConnection();
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString();
    });
    const before = lines.length;
    const started = Date.now();
    await new Promise((resolve) => socket.on('close', resolve));
    expect(Date.now() - started).toBeLessThan(1000);
    expect(answer).toBe('');
    expect(lines.slice(before)).toEqual([]);
  });

  test('an idle keep-alive connection is closed', async () => {
    const socket = await openConnection();
    const started = Date.now();
    socket.write('POST /api/content HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
    await new Promise((resolve) => socket.on('close', resolve));
    // Node closes it 1 s after the timeout it advertises in Keep-Alive, so that clients never reuse a closing one.
    expect(Date.now() - started).toBeLessThan(LIMITS.keepAliveTimeoutMs + 1000 + 500);
  });

  test('connections past the cap are closed unanswered; the ones open still work, and room comes back', async () => {
    const logged: string[] = [];
    // The default timeouts here: with the small ones, the idle connections would soon be closed as too slow.
    const capped = createLocalServer({
      stores: store,
      log: (line) => logged.push(line),
      limits: { maxConnections: 3 },
    });
    const cappedPort = await listen(capped);
    const open = await Promise.all([
      openConnection(cappedPort),
      openConnection(cappedPort),
      openConnection(cappedPort),
    ]);
    const refused = await openConnection(cappedPort);
    await new Promise((resolve) => refused.on('close', resolve));
    expect(logged).toEqual(['已有 3 个连接，新连接被拒绝']);

    const first = open[0] as Socket;
    let answer = '';
    first.on('data', (chunk) => {
      answer += chunk.toString();
    });
    first.write('GET /api/content HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    await new Promise((resolve) => first.on('close', resolve));
    expect(answer).toMatch(/^HTTP\/1\.1 404 /);
    expect((await installmentList(cappedPort)).status).toBe(200);
    for (const socket of open) socket.destroy();
    await new Promise((resolve) => capped.close(resolve));
  });
});
