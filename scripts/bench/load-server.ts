/**
 * The local server as `npm start` runs it (SQLite on a file, the same routes), for the bench's load figure: started
 * as its own process so the load generator does not share its event loop. Prints `{"port": n}` once listening.
 *
 *   tsx scripts/bench/load-server.ts <data dir>
 */
import path from 'node:path';
import { loadCatalog } from '../../backend/content/catalog';
import { syncInstallments } from '../../backend/content/sync';
import { openSqliteStores } from '../../backend/storage/sqlite';
import { createLocalServer } from '../../local/server';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error('usage: load-server.ts <data dir>');
  const stores = openSqliteStores(path.join(dir, 'app.db'));
  await syncInstallments(stores, loadCatalog());
  const server = createLocalServer({ stores, log: () => {} });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
  });
  process.on('SIGTERM', () => server.close(() => void stores.close().then(() => process.exit(0))));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
