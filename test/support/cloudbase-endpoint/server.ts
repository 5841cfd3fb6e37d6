import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What to do with one request: answer with a JSON body, or cut the connection with no answer at all. */
export type Reply = { body: string } | 'cut';

export interface HttpServer {
  /** `http://127.0.0.1:<port>/`: what `serviceUrl` is set to. */
  url: string;
  close(): Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

/**
 * An HTTP server on loopback that hands each request body to `handle`. Every answer closes its connection, so the
 * SDK never reuses a socket the server is about to drop; `close()` cuts whatever is still open (held requests too).
 */
export function startHttpServer(handle: (body: string) => Promise<Reply>): Promise<HttpServer> {
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    try {
      const reply = await handle(await readBody(req));
      if (reply === 'cut') {
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(reply.body);
    } catch (error) {
      // A bug in the endpoint, not a platform answer: the SDK rejects with "500 Internal Server Error".
      res.writeHead(500, { 'content-type': 'text/plain', connection: 'close' });
      res.end(String((error as Error).stack ?? error));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}
