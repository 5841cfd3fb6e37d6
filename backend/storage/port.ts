import type { ArticleRef, ArticleSummary, Block, EditorsNote, Speaker } from '../../typings/contract';

/** An article summary as stored: the read count is joined in at request time. */
export type StoredSummary = Omit<ArticleSummary, 'readCount'>;

export interface InstallmentRecord {
  id: string;
  number: number;
  title: string;
  subtitle: string;
  publishedAt: string | null;
  editorsNote: EditorsNote | null;
  articles: StoredSummary[];
  /** Hash of the curated content; a changed file replaces the stored content on the next sync. */
  revision: string;
}

export interface ArticleRecord {
  id: string;
  installmentId: string;
  position: number;
  title: string;
  speaker: Speaker;
  blocks: Block[];
  readingMinutes: number;
  truncated: boolean;
  installment: { id: string; title: string; subtitle: string };
  prev: ArticleRef | null;
  next: ArticleRef | null;
}

/**
 * The one door to persistence. Handlers see only this; the CloudBase and SQLite
 * adapters implement it and pass the same contract suite.
 */
export interface Store {
  /**
   * Writes an installment and its articles. Content fields are replaced;
   * `publishedAt` is kept when the installment already exists (staff set it).
   */
  saveInstallment(installment: InstallmentRecord, articles: ArticleRecord[]): Promise<void>;
  /** id → revision of every stored installment. */
  installmentRevisions(): Promise<Map<string, string>>;
  /** Newest first: by number, descending. */
  listInstallments(): Promise<InstallmentRecord[]>;
  getInstallment(id: string): Promise<InstallmentRecord | null>;
  getArticle(id: string): Promise<ArticleRecord | null>;
  /** Every article, in installment then print order. */
  listArticles(): Promise<ArticleRecord[]>;
  /** Read counts (counted page views); an article never read is 0. */
  readCounts(articleIds: string[]): Promise<Map<string, number>>;
  close(): Promise<void>;
}
