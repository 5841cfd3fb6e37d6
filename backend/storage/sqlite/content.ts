import type { Database } from 'better-sqlite3';
import { type ArticleRecord, articleContent, type ContentStore, type InstallmentRecord } from '../../content/port';

/** What the json column holds; the other fields live in their own columns (an article's from its installment's). */
type InstallmentBody = Omit<InstallmentRecord, 'id' | 'number' | 'revision' | 'publishedAt' | 'online'>;
type ArticleBody = Omit<ArticleRecord, 'id' | 'installmentId' | 'position' | 'online'>;

interface InstallmentRow {
  id: string;
  number: number;
  revision: string;
  published_at: string | null;
  online: number;
  json: string;
}

interface ArticleRow {
  id: string;
  installment_id: string;
  position: number;
  json: string;
  published_at: string | null;
  online: number;
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
  return {
    id: row.id,
    number: row.number,
    publishedAt: row.published_at,
    revision: row.revision,
    online: row.online === 1,
    ...body,
  };
};

const toArticle = (row: ArticleRow): ArticleRecord => {
  const body = JSON.parse(row.json) as ArticleBody;
  return {
    id: row.id,
    installmentId: row.installment_id,
    position: row.position,
    online: row.online === 1,
    ...body,
    installment: { ...body.installment, publishedAt: row.published_at },
  };
};

const INSTALLMENT_COLUMNS = 'id, number, revision, published_at, online, json';
const ARTICLE_COLUMNS = 'a.id, a.installment_id, a.position, a.json, i.published_at, i.online';

/** The content port over an open, migrated database (see `openDatabase`). */
export function createContentStore(db: Database): ContentStore {
  const upsertInstallment = db.prepare<[InstallmentRow]>(`
    INSERT INTO installments (id, number, revision, published_at, online, json)
    VALUES (@id, @number, @revision, @published_at, @online, @json)
    ON CONFLICT (id) DO UPDATE SET
      number = excluded.number,
      revision = excluded.revision,
      json = excluded.json,
      online = excluded.online,
      published_at = COALESCE(installments.published_at, excluded.published_at)
  `);
  const updatePublishedAt = db.prepare<[string | null, string]>(
    'UPDATE installments SET published_at = ? WHERE id = ?',
  );
  const updateOnline = db.prepare<[number, string]>('UPDATE installments SET online = ? WHERE id = ?');
  const deleteArticlesOf = db.prepare<[string]>('DELETE FROM articles WHERE installment_id = ?');
  const upsertArticle = db.prepare<[Omit<ArticleRow, 'published_at' | 'online'>]>(`
    INSERT INTO articles (id, installment_id, position, json)
    VALUES (@id, @installment_id, @position, @json)
    ON CONFLICT (id) DO UPDATE SET
      installment_id = excluded.installment_id,
      position = excluded.position,
      json = excluded.json
  `);
  const selectRevisions = db.prepare<[], { id: string; revision: string }>('SELECT id, revision FROM installments');
  const selectInstallments = db.prepare<[], InstallmentRow>(
    `SELECT ${INSTALLMENT_COLUMNS} FROM installments ORDER BY number DESC, id`,
  );
  const selectInstallment = db.prepare<[string], InstallmentRow>(
    `SELECT ${INSTALLMENT_COLUMNS} FROM installments WHERE id = ?`,
  );
  const selectArticle = db.prepare<[string], ArticleRow>(
    `SELECT ${ARTICLE_COLUMNS} FROM articles a JOIN installments i ON i.id = a.installment_id WHERE a.id = ?`,
  );
  const selectArticles = db.prepare<[], ArticleRow>(`
    SELECT ${ARTICLE_COLUMNS}
    FROM articles a JOIN installments i ON i.id = a.installment_id
    WHERE i.online = 1
    ORDER BY i.number, a.position, a.id
  `);
  const save = db.transaction((installment: InstallmentRecord, articles: ArticleRecord[]) => {
    upsertInstallment.run({
      id: installment.id,
      number: installment.number,
      revision: installment.revision,
      published_at: installment.publishedAt,
      online: installment.online ? 1 : 0,
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

  return {
    async saveInstallment(installment, articles) {
      save(installment, articles);
    },
    async installmentRevisions() {
      return new Map(selectRevisions.all().map((row) => [row.id, row.revision]));
    },
    async listInstallments() {
      return selectInstallments.all().map(toInstallment);
    },
    async setPublishedAt(id, publishedAt) {
      updatePublishedAt.run(publishedAt, id);
      const row = selectInstallment.get(id);
      return row === undefined ? null : toInstallment(row);
    },
    async setOnline(id, online) {
      updateOnline.run(online ? 1 : 0, id);
      const row = selectInstallment.get(id);
      return row === undefined ? null : toInstallment(row);
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
  };
}
