import type { CollectionReference, Database, DocumentData, WithId } from 'wx-server-sdk';
import type { ContentStore } from '../../content/port';
import {
  ARTICLES,
  type ArticleDoc,
  articleDoc,
  INSTALLMENTS,
  type InstallmentDoc,
  installmentDoc,
  toArticle,
  toInstallment,
} from './documents';
import { chunk, readAll } from './paging';

/**
 * Articles a page of `listArticles` reads: an article record is up to ~15 KB (the longest speech of (一) is 9.4 KB),
 * so 40 keep an answer far under the 1 MB limit.
 */
const ARTICLE_PAGE = 40;

/** Article writes in flight at once during a save. */
const WRITE_BATCH = 10;

/**
 * One record by id. `doc(id).get()` rejects when the record is missing (unless the database was made with
 * `throwOnNotFound: false`, which this store cannot count on), and that rejection is not reliably told apart
 * from a real failure. A `where` on `_id` costs the same single read and simply comes back empty.
 */
export const findById = async <T extends DocumentData>(
  collection: CollectionReference<T>,
  id: string,
): Promise<WithId<T> | undefined> => (await collection.where({ _id: id }).limit(1).get()).data[0];

/**
 * The content port over `cloud.database()`. Requests per call: saveInstallment 1 read + 1 write per article
 * (10 at a time) + 1 bulk remove + 1 write; getInstallment/getArticle 1 read; list methods and
 * installmentRevisions 1 read per 100 records (plus one when the last page is exactly full).
 */
export function createContentStore(db: Database): ContentStore {
  const _ = db.command;
  const installments = db.collection<InstallmentDoc>(INSTALLMENTS);
  const articles = db.collection<ArticleDoc>(ARTICLES);

  return {
    async saveInstallment(installment, list) {
      const existing = await installments.where({ _id: installment.id }).field({ publishedAt: true }).limit(1).get();
      const publishedAt = existing.data[0]?.publishedAt ?? installment.publishedAt;

      // The installment (with its revision) is written last: if an article write fails, the stored revision is
      // still the old one, so the next sync tries the whole installment again.
      for (const batch of chunk(list, WRITE_BATCH)) {
        await Promise.all(
          batch.map((a) => articles.doc(a.id).set({ data: articleDoc(a, installment.number, publishedAt) })),
        );
      }
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

    async setPublishedAt(id, publishedAt) {
      const { stats } = await installments.where({ _id: id }).update({ data: { publishedAt } });
      if (stats.updated === 0 && (await findById(installments, id)) === undefined) return null;
      await articles.where({ installmentId: id }).update({ data: { installment: { publishedAt } } });
      return toInstallment((await findById(installments, id)) as WithId<InstallmentDoc>);
    },

    async setOnline(id, online) {
      // Articles first: an installment shown online always has its articles readable.
      await articles.where({ installmentId: id }).update({ data: { online } });
      await installments.where({ _id: id }).update({ data: { online } });
      const doc = await findById(installments, id);
      return doc === undefined ? null : toInstallment(doc);
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
      const query = articles
        .where({ online: _.neq(false) })
        .orderBy('installmentNumber', 'asc')
        .orderBy('position', 'asc')
        .orderBy('_id', 'asc');
      return (await readAll(query, ARTICLE_PAGE)).map(toArticle);
    },
  };
}
