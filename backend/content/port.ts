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
  /** Readers see it; an installment taken offline keeps its records and counts. */
  online: boolean;
}

/** An article as stored: what the app is served, less the read count, plus its place in the installment. */
export interface ArticleRecord extends Omit<ArticleView, 'readCount'> {
  installmentId: string;
  position: number;
  /** Its installment's: readers see it. */
  online: boolean;
}

/** The content fields of an article, as both adapters store them beside its id and position. */
export const articleContent = (
  a: ArticleRecord,
): Omit<ArticleRecord, 'id' | 'installmentId' | 'position' | 'online'> => ({
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
   * Writes an installment and its articles, online or not as the record says. Content fields are replaced;
   * `publishedAt` is kept when the installment already exists (staff set it).
   */
  saveInstallment(installment: InstallmentRecord, articles: ArticleRecord[]): Promise<void>;
  /** Sets the publication date staff give an installment (its articles show it too); null when there is none. */
  setPublishedAt(id: string, publishedAt: string | null): Promise<InstallmentRecord | null>;
  /** Puts an installment and its articles online or takes them offline; null when there is none. */
  setOnline(id: string, online: boolean): Promise<InstallmentRecord | null>;
  /** id → revision of every stored installment. */
  installmentRevisions(): Promise<Map<string, string>>;
  /** Newest first: by number, descending; online and offline alike. */
  listInstallments(): Promise<InstallmentRecord[]>;
  getInstallment(id: string): Promise<InstallmentRecord | null>;
  getArticle(id: string): Promise<ArticleRecord | null>;
  /** Every article of the online installments, in installment then print order. */
  listArticles(): Promise<ArticleRecord[]>;
}
