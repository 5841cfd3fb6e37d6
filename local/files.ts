import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { FileStore } from '../backend/stats/port';

/** Where `npm start` serves the files staff make (exports, local stand-in codes). */
export const FILES_PATH = '/files/';
/** How long a local link is said to work: files stay until the data folder is cleared. */
const LINK_TTL_MS = 60 * 60 * 1000;

const TYPES: Record<string, string> = { '.csv': 'text/csv; charset=utf-8', '.png': 'image/png' };

/** `<folder>/<plain name>`, nothing that could leave the folder. */
const isPlainPath = (p: string): boolean => /^[\w-]+\/[^/\\]+$/.test(p) && !p.includes('..');

/** A file store in `<data>/files/`, its files served by `npm start` at FILES_PATH. */
export function localFiles(dataDir: string, baseUrl: () => string): FileStore {
  const root = path.join(dataDir, 'files');
  const link = (id: string) => ({
    url: `${baseUrl()}${FILES_PATH}${id.split('/').map(encodeURIComponent).join('/')}`,
    expiresAt: new Date(Date.now() + LINK_TTL_MS),
  });
  return {
    async put(relative, content) {
      if (!isPlainPath(relative)) throw new Error(`not a plain file path: ${relative}`);
      mkdirSync(path.join(root, path.dirname(relative)), { recursive: true });
      writeFileSync(path.join(root, relative), content);
      return { id: relative, ...link(relative) };
    },
    async link(id) {
      if (!isPlainPath(id) || !existsSync(path.join(root, id))) throw new Error(`no file ${id}`);
      return link(id);
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
