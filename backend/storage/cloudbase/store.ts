import type { CollectionReference, Database, DocumentData, WithId } from 'wx-server-sdk';
import type { Store } from '../port';
import {
  ARTICLE_STATS,
  ARTICLES,
  type ArticleDoc,
  articleDoc,
  type CountersDoc,
  INSTALLMENTS,
  type InstallmentDoc,
  installmentDoc,
  toArticle,
  toInstallment,
  zeroCounters,
} from './documents';
import { chunk, PAGE_SIZE, readAll } from './paging';
import { createTrackMethods } from './track';

/** Article writes in flight at once during a save. */
const WRITE_BATCH = 10;

/**
 * One record by id. `doc(id).get()` rejects when the record is missing (unless the database was made with
 * `throwOnNotFound: false`, which this store cannot count on), and that rejection is not reliably told apart
 * from a real failure. A `where` on `_id` costs the same single read and simply comes back empty.
 */
const findById = async <T extends DocumentData>(
  collection: CollectionReference<T>,
  id: string,
): Promise<WithId<T> | undefined> => (await collection.where({ _id: id }).limit(1).get()).data[0];

/**
 * The store over `cloud.database()`. Requests per call: saveInstallment 1 read + 1 write per article
 * (10 at a time) + 1 read of which counter records exist + 1 add per missing one + 1 bulk remove + 1 write; getInstallment/getArticle 1 read; list methods and
 * installmentRevisions 1 read per 100 records (plus one when the last page is exactly full);
 * readCounts 1 read per 100 distinct ids, in parallel. Reading analytics: see track.ts.
 */
export function createCloudBaseStore(db: Database): Store {
  const _ = db.command;
  const installments = db.collection<InstallmentDoc>(INSTALLMENTS);
  const articles = db.collection<ArticleDoc>(ARTICLES);
  const stats = db.collection<CountersDoc>(ARTICLE_STATS);

  /**
   * Zeroed counter records for articles that have none, so that counting only ever `update`s them (see track.ts).
   * An `add` refused as a duplicate — made meanwhile, or by our own add whose answer was lost — is what we wanted.
   */
  async function createCounters(ids: string[]): Promise<void> {
    const have = new Set<string>();
    for (const page of chunk(ids, PAGE_SIZE)) {
      const { data } = await stats
        .where({ _id: _.in(page) })
        .field({ _id: true })
        .limit(PAGE_SIZE)
        .get();
      for (const d of data) have.add(String(d._id));
    }
    const missing = ids.filter((id) => !have.has(id));
    for (const batch of chunk(missing, WRITE_BATCH)) {
      await Promise.all(
        batch.map((id) =>
          stats.add({ data: { _id: id, ...zeroCounters() } }).catch(async (error: unknown) => {
            const found = await stats.where({ _id: id }).field({ _id: true }).limit(1).get();
            if (found.data.length === 0) throw error;
          }),
        ),
      );
    }
  }

  return {
    async saveInstallment(installment, list) {
      const existing = await installments.where({ _id: installment.id }).field({ publishedAt: true }).limit(1).get();
      const publishedAt = existing.data[0]?.publishedAt ?? installment.publishedAt;

      // The installment (with its revision) is written last: if an article write fails, the stored revision is
      // still the old one, so the next sync tries the whole installment again.
      for (const batch of chunk(list, WRITE_BATCH)) {
        await Promise.all(batch.map((a) => articles.doc(a.id).set({ data: articleDoc(a, installment.number) })));
      }
      await createCounters(list.map((a) => a.id));
      const keep = list.map((a) => a.id);
      await articles
        .where(
          keep.length > 0 ? { installmentId: installment.id, _id: _.nin(keep) } : { installmentId: installment.id },
        )
        .remove();
      await installments.doc(installment.id).set({ data: installmentDoc(installment, publishedAt) });
    },

    async installmentRevisions() {
      const docs = await readAll(installments.orderBy('_id', 'asc').field({ revision: true }));
      return new Map(docs.map((d) => [String(d._id), d.revision ?? '']));
    },

    async listInstallments() {
      const docs = await readAll(installments.orderBy('number', 'desc').orderBy('_id', 'asc'));
      return docs.map(toInstallment);
    },

    async getInstallment(id) {
      const doc = await findById(installments, id);
      return doc === undefined ? null : toInstallment(doc);
    },

    async getArticle(id) {
      const doc = await findById(articles, id);
      return doc === undefined ? null : toArticle(doc);
    },

    async listArticles() {
      const query = articles.orderBy('installmentNumber', 'asc').orderBy('position', 'asc').orderBy('_id', 'asc');
      return (await readAll(query)).map(toArticle);
    },

    async readCounts(articleIds) {
      const counts = new Map(articleIds.map((id) => [id, 0]));
      const pages = await Promise.all(
        chunk([...counts.keys()], PAGE_SIZE).map((ids) =>
          stats
            .where({ _id: _.in(ids) })
            .field({ pv: true })
            .limit(PAGE_SIZE)
            .get(),
        ),
      );
      for (const { data } of pages) for (const d of data) counts.set(String(d._id), d.pv ?? 0);
      return counts;
    },

    ...createTrackMethods(db),

    async close() {
      // Nothing to release: the SDK holds no connection of ours.
    },
  };
}
