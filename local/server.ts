import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CLIENT_SOURCE } from '../backend/core/context';
import { createDispatcher } from '../backend/core/dispatcher';
import { fail } from '../backend/core/envelope';
import { LOCAL_READER_SECRET } from '../backend/core/reader-key';
import type { Stores } from '../backend/core/stores';
import { functions, isFunctionName } from '../backend/functions';
import type { Envelope } from '../typings/contract';
import { answerClientError } from './client-error';
import { pathOf, shownTarget } from './target';

/** Locally, this header plays the part of `cloud.getWXContext().OPENID`. */
export const OPENID_HEADER = 'x-openid';
const MAX_BODY = 256 * 1024;

/** Time a client has to send the request line and headers. */
export const HEADERS_TIMEOUT_MS = 10_000;
/**
 * Time a client has to send a whole request, body included. Node's default is 300 s: a body sent one byte every
 * 2 s held a socket that long. The largest body allowed (256 KB) takes milliseconds on this machine.
 */
export const REQUEST_TIMEOUT_MS = 15_000;
/** An idle keep-alive connection is closed after this. */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** How often Node looks for requests past the two timeouts above; its default, 30 s, lets them run that much longer. */
export const TIMEOUT_CHECK_MS = 1_000;
/** Connections open at once; beyond it new ones are closed unanswered. A preview tab holds a handful. */
export const MAX_CONNECTIONS = 100;

export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  timeoutCheckMs: number;
  maxConnections: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: HEADERS_TIMEOUT_MS,
  requestTimeoutMs: REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS,
  timeoutCheckMs: TIMEOUT_CHECK_MS,
  maxConnections: MAX_CONNECTIONS,
};

export interface ServerOptions {
  stores: Stores;
  now?: () => Date;
  log?: (line: string) => void;
  /** What readers are hashed with; the documented local default unless READER_HASH_SECRET is set. */
  readerSecret?: string;
  /** ADMIN_OPENIDS: the first administrators. */
  adminOpenids?: readonly string[];
  /** Serves requests outside /api/ (the browser preview); returns true when it answered. */
  fallback?: (req: IncomingMessage, res: ServerResponse) => boolean;
  /** DEFAULT_LIMITS unless said otherwise (tests use small ones). */
  limits?: Partial<ServerLimits>;
}

class BodyTooLarge extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const openidOf = (req: IncomingMessage): string | null => {
  const value = req.headers[OPENID_HEADER];
  return typeof value === 'string' && /^[\w-]{1,64}$/.test(value) ? value : null;
};

const actionOf = (event: unknown): string =>
  event !== null && typeof event === 'object' && 'action' in event && typeof event.action === 'string'
    ? event.action.slice(0, 32)
    : '-';

interface Answer {
  status: number;
  action: string;
  body: Envelope<unknown>;
}

/**
 * Serves every cloud function as `POST /api/<function>` with the JSON the mini-program sends,
 * through the same `dispatch` and handlers as the cloud; only the store and identity differ.
 * Every request, the preview's included, runs inside one error boundary: no request can stop the server.
 */
export function createLocalServer({
  stores,
  now = () => new Date(),
  log = console.log,
  readerSecret = LOCAL_READER_SECRET,
  adminOpenids = [],
  fallback,
  limits = {},
}: ServerOptions): Server {
  const dispatcher = createDispatcher({ functions, stores, readerSecret, adminOpenids, now });
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, timeoutCheckMs, maxConnections } = {
    ...DEFAULT_LIMITS,
    ...limits,
  };

  const api = async (req: IncomingMessage, name: string | undefined): Promise<Answer | null> => {
    if (req.method !== 'POST' || !name) {
      return { status: 404, action: '-', body: fail('NOT_FOUND', '没有这个接口：请用 POST /api/<云函数名>') };
    }
    if (!isFunctionName(name)) return { status: 404, action: '-', body: fail('NOT_FOUND', `没有这个云函数：${name}`) };
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLarge) return { status: 413, action: '-', body: fail('BAD_REQUEST', '请求太大') };
      // The client went away mid-body, or was cut off as too slow (answered and logged by answerClientError).
      if (req.socket.destroyed) return null;
      throw error;
    }
    let event: unknown;
    try {
      event = JSON.parse(text || 'null');
    } catch {
      return { status: 400, action: '-', body: fail('BAD_REQUEST', '请求不是合法的 JSON') };
    }
    // Local callers stand for the app in WeChat.
    return {
      status: 200,
      action: actionOf(event),
      body: await dispatcher.call(name, event, { openid: openidOf(req), source: CLIENT_SOURCE }),
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = Date.now();
    const path = pathOf(req.url);
    let answer: Answer | null;
    if (path === null) {
      answer = { status: 400, action: '-', body: fail('BAD_REQUEST', '请求地址不对：请用以 / 开头的路径') };
    } else if (!path.startsWith('/api/') && fallback?.(req, res)) {
      return;
    } else {
      answer = await api(req, /^\/api\/([\w-]+)$/.exec(path)?.[1]);
    }
    if (answer === null) return;
    send(res, answer.status, answer.body);
    const outcome = answer.body.ok ? 'ok' : answer.body.code;
    log(`${req.method} ${shownTarget(req.url)} ${answer.action} → ${outcome} ${Date.now() - started}ms`);
  };

  const timeouts = {
    headersTimeout: headersTimeoutMs,
    requestTimeout: requestTimeoutMs,
    connectionsCheckingInterval: timeoutCheckMs,
  };
  const server = createServer(timeouts, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(
        `${req.method} ${shownTarget(req.url)} → 出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      if (!res.headersSent) send(res, 500, fail('INTERNAL', '服务暂时出了点问题，请稍后再试'));
      else res.destroy();
    });
  });

  server.on('clientError', answerClientError(log));
  server.keepAliveTimeout = keepAliveTimeoutMs;
  server.maxConnections = maxConnections;
  server.on('drop', () => log(`已有 ${maxConnections} 个连接，新连接被拒绝`));
  return server;
}
