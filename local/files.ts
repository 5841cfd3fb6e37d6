import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { FileStore } from '../backend/stats/port';

/** Where `npm start` serves the files staff make (exports, local stand-in codes). */
export const FILES_PATH = '/files/';
/** How long a local link is said to work: files stay until the data folder is cleared. */
const LINK_TTL_MS = 60 * 60 * 1000;

const TYPES: Record<string, string> = { '.csv': 'text/csv; charset=utf-8', '.png': 'image/png' };

/** A file store in `<data>/files/<folder>`, its files served by `npm start` at FILES_PATH. */
export function localFiles(dataDir: string, baseUrl: () => string, folder = 'exports'): FileStore {
  const dir = path.join(dataDir, 'files', folder);
  return {
    async put(name, content) {
      if (name !== path.basename(name)) throw new Error(`not a plain file name: ${name}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, name), content);
      return {
        url: `${baseUrl()}${FILES_PATH}${folder}/${encodeURIComponent(name)}`,
        expiresAt: new Date(Date.now() + LINK_TTL_MS),
      };
    },
  };
}

/** Serves `<data>/files/…` at FILES_PATH; true when the request was one of these. */
export function serveFiles(dataDir: string): (req: IncomingMessage, res: ServerResponse, pathname: string) => boolean {
  const root = path.join(dataDir, 'files');
  return (req, res, pathname) => {
    if (!pathname.startsWith(FILES_PATH) || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('没有这个文件');
    };
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(FILES_PATH.length));
    } catch {
      notFound();
      return true;
    }
    const file = path.resolve(root, `.${path.posix.normalize(`/${relative}`)}`);
    if (!file.startsWith(root + path.sep)) {
      notFound();
      return true;
    }
    readFile(file).then(
      (body) => {
        const name = path.basename(file);
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}`,
          'cache-control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
      () => notFound(),
    );
    return true;
  };
}
