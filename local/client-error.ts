import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { fail } from '../backend/core/envelope';

/** What to answer, by Node's error code, when its parser refused a request or its client was too slow. */
const ANSWERS: Record<string, [number, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, '请求发送得太慢，连接已断开'],
  HPE_HEADER_OVERFLOW: [431, '请求头太大'],
};
const UNPARSABLE: [number, string] = [400, '请求格式不对：请求行或请求头无法解析'];

/**
 * A `clientError` listener: answers with a JSON envelope that says what went wrong (Node's default is a bare 400
 * with no body), logs one line and closes the connection.
 */
export function answerClientError(log: (line: string) => void) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    // Nothing to answer: the client is gone, or never sent a byte (a browser's speculative preconnect left idle).
    const silent = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' && 'bytesRead' in socket && socket.bytesRead === 0;
    if (error.code === 'ECONNRESET' || !socket.writable || silent) {
      socket.destroy();
      return;
    }
    const [status, message] = ANSWERS[error.code ?? ''] ?? UNPARSABLE;
    log(`无法处理的请求 → ${status} ${error.code ?? error.message}`);
    // A response already under way on this connection cannot be followed by another.
    if ((socket as { _httpMessage?: ServerResponse })._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(fail('BAD_REQUEST', message));
    const head = [
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}`,
      'content-type: application/json; charset=utf-8',
      `content-length: ${Buffer.byteLength(body)}`,
      'connection: close',
    ].join('\r\n');
    socket.end(`${head}\r\n\r\n${body}`, () => socket.destroy());
  };
}
