import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../backend/content/catalog';
import { syncInstallments } from '../backend/content/sync';
import { parseAdminOpenids } from '../backend/staff/roles';
import { openSqliteStores } from '../backend/storage/sqlite';
import { localFiles, serveFiles } from './files';
import { PREVIEW_STAFF_OPENID } from './identities';
import { createPreviewHandler } from './preview';
import { createLocalServer } from './server';
import { pathOf } from './target';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    data: { type: 'string', default: process.env.DATA_DIR ?? '.data' },
    // Rebuild the browser preview when a source changes, and reload open previews (npm run dev).
    watch: { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`端口不对：${values.port}`);
  process.exit(2);
}

async function start(): Promise<void> {
  const dataDir = resolve(values.data);
  mkdirSync(dataDir, { recursive: true });
  let base = `http://127.0.0.1:${port}`;
  const stores = openSqliteStores(join(dataDir, 'app.db'), { files: localFiles(dataDir, () => base) });
  const written = await syncInstallments(stores, loadCatalog());
  if (written.length > 0) console.log(`已导入内容：${written.join(', ')}`);

  const preview = createPreviewHandler({ watch: values.watch });
  const files = serveFiles(dataDir);
  // The preview's 工作人员 is an administrator unless ADMIN_OPENIDS names the administrators.
  const admins =
    process.env.ADMIN_OPENIDS === undefined ? [PREVIEW_STAFF_OPENID] : parseAdminOpenids(process.env.ADMIN_OPENIDS);
  const server = createLocalServer({
    stores,
    adminOpenids: admins,
    ...(process.env.READER_HASH_SECRET && { readerSecret: process.env.READER_HASH_SECRET }),
    fallback: (req, res) => files(req, res, pathOf(req.url) ?? '') || preview(req, res),
  });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const actual = typeof address === 'object' && address ? address.port : port;
    base = `http://127.0.0.1:${actual}`;
    console.log(`本地云函数已启动：http://127.0.0.1:${actual}/api/<函数名>（数据目录 ${dataDir}，Ctrl-C 退出）`);
    console.log(`小程序预览：http://127.0.0.1:${actual}/`);
    console.log(`管理员：${admins.length > 0 ? admins.join(', ') : '无（设置 ADMIN_OPENIDS）'}`);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    console.log(`\n收到 ${signal}，正在关闭…`);
    server.close(() => {
      void Promise.all([stores.close(), preview.close()]).then(() => process.exit(0));
    });
    server.closeAllConnections();
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

start().catch((error: unknown) => {
  console.error('启动失败：', error instanceof Error ? error.message : error);
  process.exit(1);
});
