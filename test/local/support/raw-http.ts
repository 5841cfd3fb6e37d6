import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  /** Everything after the head, as sent (chunked framing included). */
  body: string;
}

/**
 * Sends `request` byte for byte over a new connection (so that request lines fetch would refuse or rewrite reach the
 * server as written) and resolves with what the server answered once it closes the connection.
 */
export function rawRequest(port: number, request: string, timeoutMs = 5_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no complete answer within ${timeoutMs} ms to ${JSON.stringify(request)}`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(text)?.[1];
      if (status === undefined)
        reject(new Error(`no HTTP answer to ${JSON.stringify(request)}: ${JSON.stringify(text)}`));
      else resolve({ status: Number(status), body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
  });
}
