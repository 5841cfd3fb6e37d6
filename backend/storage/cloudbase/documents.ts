import type { WithId } from 'wx-server-sdk';
import type { ArticleRecord, InstallmentRecord } from '../port';

export const INSTALLMENTS = 'installments';
export const ARTICLES = 'articles';
export const ARTICLE_STATS = 'article_stats';

/** `installments` record; `_id` is the installment id. */
export type InstallmentDoc = Omit<InstallmentRecord, 'id'>;

/**
 * `articles` record; `_id` is the article id. `installmentNumber` is copied from the installment so
 * `listArticles` can sort on the server; every save rewrites all of an installment's articles, so it stays true.
 */
export type ArticleDoc = Omit<ArticleRecord, 'id'> & { installmentNumber: number };

/** `article_stats` record; `_id` is the article id. */
export type StatsDoc = { pv: number; uv: number };

// Fields are listed one by one so `data` never carries `_id` (the SDK rejects it in `set`) or stray keys.

export const installmentDoc = (i: InstallmentRecord, publishedAt: string | null): InstallmentDoc => ({
  number: i.number,
  title: i.title,
  subtitle: i.subtitle,
  publishedAt,
  editorsNote: i.editorsNote,
  articles: i.articles,
  revision: i.revision,
});

export const articleDoc = (a: ArticleRecord, installmentNumber: number): ArticleDoc => ({
  installmentId: a.installmentId,
  installmentNumber,
  position: a.position,
  title: a.title,
  speaker: a.speaker,
  blocks: a.blocks,
  readingMinutes: a.readingMinutes,
  truncated: a.truncated,
  installment: a.installment,
  prev: a.prev,
  next: a.next,
});

export const toInstallment = (d: WithId<InstallmentDoc>): InstallmentRecord => ({
  id: String(d._id),
  number: d.number,
  title: d.title,
  subtitle: d.subtitle,
  publishedAt: d.publishedAt,
  editorsNote: d.editorsNote,
  articles: d.articles,
  revision: d.revision,
});

export const toArticle = (d: WithId<ArticleDoc>): ArticleRecord => ({
  id: String(d._id),
  installmentId: d.installmentId,
  position: d.position,
  title: d.title,
  speaker: d.speaker,
  blocks: d.blocks,
  readingMinutes: d.readingMinutes,
  truncated: d.truncated,
  installment: d.installment,
  prev: d.prev,
  next: d.next,
});
