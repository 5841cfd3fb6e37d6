import type { ArticleSummary, ArticleView, EditorsNote } from '../../typings/contract';

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

/** An article as stored: what the app is served, less the read count, plus its place in the installment. */
export interface ArticleRecord extends Omit<ArticleView, 'readCount'> {
  installmentId: string;
  position: number;
}

/** The content fields of an article, as both adapters store them beside its id and position. */
export const articleContent = (a: ArticleRecord): Omit<ArticleRecord, 'id' | 'installmentId' | 'position'> => ({
  title: a.title,
  speaker: a.speaker,
  blocks: a.blocks,
  readingMinutes: a.readingMinutes,
  truncated: a.truncated,
  installment: a.installment,
  prev: a.prev,
  next: a.next,
});

/** The content module's door to persistence; both adapters implement it and pass test/storage/contract.ts. */
export interface ContentStore {
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
}
