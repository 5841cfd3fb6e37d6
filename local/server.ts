import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { CLIENT_SOURCE } from '../backend/core/context';
import { createDispatcher } from '../backend/core/dispatcher';
import { fail } from '../backend/core/envelope';
import { LOCAL_READER_SECRET } from '../backend/core/reader-key';
import type { Stores } from '../backend/core/stores';
import { functions, isFunctionName } from '../backend/functions';
import type { Envelope } from '../typings/contract';

/** Locally, this header plays the part of `cloud.getWXContext().OPENID`. */
export const OPENID_HEADER = 'x-openid';
const MAX_BODY = 256 * 1024;

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

/**
 * Serves every cloud function as `POST /api/<function>` with the JSON the mini-program sends,
 * through the same `dispatch` and handlers as the cloud; only the store and identity differ.
 */
export function createLocalServer({
  stores,
  now = () => new Date(),
  log = console.log,
  readerSecret = LOCAL_READER_SECRET,
  adminOpenids = [],
  fallback,
}: ServerOptions): Server {
  const dispatcher = createDispatcher({ functions, stores, readerSecret, adminOpenids, now });
  return createServer(async (req, res) => {
    if (fallback && !req.url?.startsWith('/api/') && fallback(req, res)) return;
    const started = Date.now();
    const match = /^\/api\/([\w-]+)$/.exec(req.url ?? '');
    let action = '-';
    let status = 200;
    let body: Envelope<unknown>;
    try {
      if (req.method !== 'POST' || !match?.[1]) {
        status = 404;
        body = fail('NOT_FOUND', '没有这个接口：请用 POST /api/<云函数名>');
      } else if (!isFunctionName(match[1])) {
        status = 404;
        body = fail('NOT_FOUND', `没有这个云函数：${match[1]}`);
      } else {
        const event: unknown = JSON.parse((await readBody(req)) || 'null');
        if (event && typeof event === 'object' && 'action' in event) action = String(event.action).slice(0, 32);
        // Local callers stand for the app in WeChat.
        body = await dispatcher.call(match[1], event, { openid: openidOf(req), source: CLIENT_SOURCE });
      }
    } catch (error) {
      status = error instanceof BodyTooLarge ? 413 : 400;
      body = fail('BAD_REQUEST', error instanceof BodyTooLarge ? '请求太大' : '请求不是合法的 JSON');
    }
    send(res, status, body);
    const outcome = body.ok ? 'ok' : body.code;
    log(`${req.method} ${req.url} ${action} → ${outcome} ${Date.now() - started}ms`);
  });
}
