import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { pathOf, shownTarget } from '../target';
import { type Bundle, createBundler } from './bundle';

/**
 * The browser preview of the mini-program, served next to the local functions: `/` is a phone frame running
 * the real pages (WXML, WXSS, TypeScript) through miniprogram-simulate, wired to `/api/<function>`.
 */
export type PreviewHandler = ((req: IncomingMessage, res: ServerResponse) => boolean) & {
  /** Resolves after the first build (successful or not). */
  ready: Promise<void>;
  close(): Promise<void>;
};

export interface PreviewOptions {
  repoRoot?: string;
  /** Rebuild when a source changes, and reload open previews. */
  watch?: boolean;
  log?: (line: string) => void;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
};

/** A percent-encoded path segment decoded, or null when its encoding is broken (`%`, `%E0%A4%A`). */
function decoded(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

function page(live: boolean): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>小程序预览</title>
<link rel="stylesheet" href="/preview/shell.css">
<link rel="stylesheet" href="/preview/base.css">
</head>
<body data-live="${live}">
<div id="preview"></div>
<script src="/preview/simulate.js"></script>
<script src="/preview/app.js"></script>
</body>
</html>
`;
}

export function createPreviewHandler({
  repoRoot = path.resolve(__dirname, '../..'),
  watch = false,
  log = console.log,
}: PreviewOptions = {}): PreviewHandler {
  const clientDir = path.join(repoRoot, 'local/preview/client');
  const assetsDir = path.join(repoRoot, 'miniprogram/assets');
  // miniprogram-simulate's browser build, as published: it sets `window.simulate`.
  const simulateDir = path.dirname(require.resolve('miniprogram-simulate/build.js'));
  let bundle: Bundle | null = null;
  let errors: string[] = [];
  const listeners = new Set<ServerResponse>();
  let built = false;

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const bundler = createBundler(repoRoot, (result) => {
    errors = result.errors;
    if (result.bundle) bundle = result.bundle;
    if (errors.length > 0) log(`预览构建失败：\n${errors.join('\n')}`);
    else if (built) log('预览已重新构建');
    if (built && result.bundle) for (const res of listeners) res.write('data: reload\n\n');
    built = true;
    markReady();
  });
  // Without watching, one build is all there is: the bundle stays in memory, esbuild's context goes.
  const started = bundler.then((ctx) => (watch ? ctx.watch() : ctx.rebuild().then(() => ctx.dispose())));
  started.catch((error: unknown) => {
    errors = [String(error)];
    log(`预览构建失败：${String(error)}`);
    markReady();
  });

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(body);
  };

  const sendFile = async (res: ServerResponse, dir: string, relative: string) => {
    const file = path.resolve(dir, `.${path.posix.normalize(`/${relative}`)}`);
    if (!file.startsWith(dir + path.sep)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    try {
      send(res, 200, TYPES[path.extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'not found');
    }
  };

  const serveBundle = async (res: ServerResponse, part: keyof Bundle) => {
    await ready;
    if (errors.length > 0 || !bundle) {
      const message = `预览构建失败：\n${errors.join('\n')}`;
      if (part === 'map') return send(res, 404, 'text/plain; charset=utf-8', message);
      return send(
        res,
        200,
        TYPES['.js'] as string,
        `document.body.dataset.preview='error';document.getElementById('preview').textContent=${JSON.stringify(message)};`,
      );
    }
    send(res, 200, TYPES[part === 'js' ? '.js' : '.map'] as string, bundle[part]);
  };

  const routes: Array<[RegExp, (res: ServerResponse, match: RegExpExecArray) => Promise<void> | void]> = [
    [/^\/(?:index\.html)?$/, (res) => send(res, 200, TYPES['.html'] as string, page(watch))],
    [/^\/preview\/app\.js$/, (res) => serveBundle(res, 'js')],
    [/^\/preview\/app\.js\.map$/, (res) => serveBundle(res, 'map')],
    [/^\/preview\/simulate\.js$/, (res) => sendFile(res, simulateDir, 'build.js')],
    [/^\/favicon\.ico$/, (res) => void res.writeHead(204).end()],
    [/^\/preview\/(shell|base)\.css$/, (res, m) => sendFile(res, clientDir, `${m[1]}.css`)],
    [
      /^\/assets\/(.+)$/,
      (res, m) => {
        const name = decoded(m[1] ?? '');
        if (name === null) {
          log(`预览请求的地址编码不对 → 400 ${shownTarget(m[0])}`);
          return send(res, 400, 'text/plain; charset=utf-8', '地址里的百分号编码不对');
        }
        return sendFile(res, assetsDir, name);
      },
    ],
    [
      /^\/preview\/events$/,
      (res) => {
        if (!watch) return send(res, 404, 'text/plain; charset=utf-8', 'not watching');
        res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
        res.write(': connected\n\n');
        listeners.add(res);
        res.on('close', () => listeners.delete(res));
      },
    ],
  ];

  const handler = ((req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const pathname = pathOf(req.url);
    // Not a path at all: the server answers it.
    if (pathname === null) return false;
    for (const [pattern, serve] of routes) {
      const match = pattern.exec(pathname);
      if (!match) continue;
      // Through a promise, so that a route throwing at once is caught below like one failing later.
      Promise.resolve(match)
        .then((m) => serve(res, m))
        .catch((error: unknown) => {
          log(`预览请求失败：${pathname} ${String(error)}`);
          if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', String(error));
          else res.end();
        });
      return true;
    }
    return false;
  }) as PreviewHandler;

  handler.ready = ready;
  handler.close = async () => {
    for (const res of listeners) res.end();
    await (await bundler.catch(() => null))?.dispose();
  };
  return handler;
}
