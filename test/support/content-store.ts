import { loadCatalog } from '../../backend/content/catalog';
import { syncInstallments } from '../../backend/content/sync';
import type { HandlerContext } from '../../backend/core/context';
import { LOCAL_READER_SECRET, readerKeys } from '../../backend/core/reader-key';
import type { Store } from '../../backend/storage/port';
import { openDatabase } from '../../backend/storage/sqlite';
import { createSqliteStore } from '../../backend/storage/sqlite/store';

/** A fresh in-memory store holding the curated installments, and a way to set read counts in it. */
export async function contentStore(): Promise<{ store: Store; setReadCount: (articleId: string, pv: number) => void }> {
  const db = openDatabase(':memory:');
  const store = createSqliteStore(db);
  await syncInstallments(store, loadCatalog());
  const setReadCount = (articleId: string, pv: number) => {
    db.prepare(
      'INSERT INTO article_stats (article_id, pv) VALUES (?, ?) ON CONFLICT(article_id) DO UPDATE SET pv = excluded.pv',
    ).run(articleId, pv);
  };
  return { store, setReadCount };
}

export const contextFor = (store: Store, openid: string | null = null): HandlerContext => ({
  identity: { openid },
  now: () => new Date('2026-11-27T08:00:00Z'),
  store,
  readerKey: readerKeys(LOCAL_READER_SECRET),
});
