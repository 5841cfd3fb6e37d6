import type { Database } from 'better-sqlite3';
import { type ArticleRecord, articleContent, type InstallmentRecord, type Store } from '../port';
import { busyAsUnavailable } from './busy';
import { createTrackMethods } from './track';

/** What the json column holds; the other fields live in their own columns. */
type InstallmentBody = Omit<InstallmentRecord, 'id' | 'number' | 'revision' | 'publishedAt'>;
type ArticleBody = Omit<ArticleRecord, 'id' | 'installmentId' | 'position'>;

interface InstallmentRow {
  id: string;
  number: number;
  revision: string;
  published_at: string | null;
  json: string;
}

interface ArticleRow {
  id: string;
  installment_id: string;
  position: number;
  json: string;
}

const installmentBody = ({ title, subtitle, editorsNote, articles }: InstallmentRecord): InstallmentBody => ({
  title,
  subtitle,
  editorsNote,
  articles,
});

const articleBody = (a: ArticleRecord): ArticleBody => articleContent(a);

const toInstallment = (row: InstallmentRow): InstallmentRecord => {
  const body = JSON.parse(row.json) as InstallmentBody;
  return { id: row.id, number: row.number, publishedAt: row.published_at, revision: row.revision, ...body };
};

const toArticle = (row: ArticleRow): ArticleRecord => {
  const body = JSON.parse(row.json) as ArticleBody;
  return { id: row.id, installmentId: row.installment_id, position: row.position, ...body };
};

/**
 * The store over an open, migrated database (see `openDatabase`); `close()` closes that database. A statement that
 * cannot get the lock in time throws StoreUnavailableError.
 */
export function createSqliteStore(db: Database): Store {
  const upsertInstallment = db.prepare<[InstallmentRow]>(`
    INSERT INTO installments (id, number, revision, published_at, json)
    VALUES (@id, @number, @revision, @published_at, @json)
    ON CONFLICT (id) DO UPDATE SET
      number = excluded.number,
      revision = excluded.revision,
      json = excluded.json,
      published_at = COALESCE(installments.published_at, excluded.published_at)
  `);
  const deleteArticlesOf = db.prepare<[string]>('DELETE FROM articles WHERE installment_id = ?');
  const upsertArticle = db.prepare<[ArticleRow]>(`
    INSERT INTO articles (id, installment_id, position, json)
    VALUES (@id, @installment_id, @position, @json)
    ON CONFLICT (id) DO UPDATE SET
      installment_id = excluded.installment_id,
      position = excluded.position,
      json = excluded.json
  `);
  const selectRevisions = db.prepare<[], { id: string; revision: string }>('SELECT id, revision FROM installments');
  const selectInstallments = db.prepare<[], InstallmentRow>(
    'SELECT id, number, revision, published_at, json FROM installments ORDER BY number DESC, id',
  );
  const selectInstallment = db.prepare<[string], InstallmentRow>(
    'SELECT id, number, revision, published_at, json FROM installments WHERE id = ?',
  );
  const selectArticle = db.prepare<[string], ArticleRow>(
    'SELECT id, installment_id, position, json FROM articles WHERE id = ?',
  );
  const selectArticles = db.prepare<[], ArticleRow>(`
    SELECT a.id, a.installment_id, a.position, a.json
    FROM articles a JOIN installments i ON i.id = a.installment_id
    ORDER BY i.number, a.position, a.id
  `);
  // One bound JSON array instead of one parameter per id: no limit on how many ids are asked for.
  const selectCounts = db.prepare<[string], { article_id: string; pv: number }>(
    'SELECT article_id, pv FROM article_stats WHERE article_id IN (SELECT value FROM json_each(?))',
  );

  const save = db.transaction((installment: InstallmentRecord, articles: ArticleRecord[]) => {
    upsertInstallment.run({
      id: installment.id,
      number: installment.number,
      revision: installment.revision,
      published_at: installment.publishedAt,
      json: JSON.stringify(installmentBody(installment)),
    });
    deleteArticlesOf.run(installment.id);
    for (const article of articles) {
      upsertArticle.run({
        id: article.id,
        installment_id: article.installmentId,
        position: article.position,
        json: JSON.stringify(articleBody(article)),
      });
    }
  });

  return busyAsUnavailable<Store>({
    async saveInstallment(installment, articles) {
      save(installment, articles);
    },
    async installmentRevisions() {
      return new Map(selectRevisions.all().map((row) => [row.id, row.revision]));
    },
    async listInstallments() {
      return selectInstallments.all().map(toInstallment);
    },
    async getInstallment(id) {
      const row = selectInstallment.get(id);
      return row === undefined ? null : toInstallment(row);
    },
    async getArticle(id) {
      const row = selectArticle.get(id);
      return row === undefined ? null : toArticle(row);
    },
    async listArticles() {
      return selectArticles.all().map(toArticle);
    },
    async readCounts(articleIds) {
      const counts = new Map(articleIds.map((id) => [id, 0]));
      if (articleIds.length === 0) return counts;
      for (const row of selectCounts.all(JSON.stringify(articleIds))) counts.set(row.article_id, row.pv);
      return counts;
    },
    ...createTrackMethods(db),
    async close() {
      if (db.open) db.close();
    },
  });
}
