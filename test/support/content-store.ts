import { loadCatalog } from '../../backend/content/catalog';
import { syncInstallments } from '../../backend/content/sync';
import type { HandlerContext } from '../../backend/core/context';
import { createDispatcher } from '../../backend/core/dispatcher';
import { LOCAL_READER_SECRET } from '../../backend/core/reader-key';
import type { Stores } from '../../backend/core/stores';
import { functions } from '../../backend/functions';
import { createSqliteStores, openDatabase } from '../../backend/storage/sqlite';

/** Fresh in-memory stores holding the curated installments, and a way to set read counts in them. */
export async function contentStore(): Promise<{
  stores: Stores;
  setReadCount: (articleId: string, pv: number) => void;
}> {
  const db = openDatabase(':memory:');
  const stores = createSqliteStores(db);
  await syncInstallments(stores, loadCatalog());
  const setReadCount = (articleId: string, pv: number) => {
    db.prepare(
      'INSERT INTO article_stats (article_id, pv) VALUES (?, ?) ON CONFLICT(article_id) DO UPDATE SET pv = excluded.pv',
    ).run(articleId, pv);
  };
  return { stores, setReadCount };
}

/** The context a call by `openid` gets, built the one way every caller builds it. */
export const contextFor = (stores: Stores, openid: string | null = null): HandlerContext =>
  createDispatcher({
    functions,
    stores,
    readerSecret: LOCAL_READER_SECRET,
    now: () => new Date('2026-11-27T08:00:00Z'),
  }).context({ openid });
