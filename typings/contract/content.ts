import type { AnonymousReader, EventResult, ReadEvent } from './track';

/** The content model as the app sees it, and the `content` function's actions. */

/**
 * heading: a section title such as "一、…" or "1、…".
 * lead: a paragraph that opens with a bold run-in sentence ("一是…。"); `leadLength` counts its characters.
 * paragraph: plain body text.
 */
export type BlockKind = 'heading' | 'lead' | 'paragraph';

export interface Block {
  id: string;
  kind: BlockKind;
  text: string;
  leadLength?: number;
  /** The source page breaks off here, mid-sentence. */
  cut?: true;
}

export interface Speaker {
  name: string;
  positions: string[];
}

export interface ArticleRef {
  id: string;
  title: string;
}

export interface ArticleSummary {
  id: string;
  title: string;
  speaker: Speaker;
  excerpt: string;
  readingMinutes: number;
  readCount: number;
  truncated: boolean;
}

export interface EditorsNote {
  title: string;
  blocks: Block[];
}

export interface InstallmentListItem {
  id: string;
  number: number;
  title: string;
  subtitle: string;
  /** ISO date set by staff; the source page carries none. */
  publishedAt: string | null;
  articleCount: number;
}

export interface InstallmentView extends InstallmentListItem {
  editorsNote: EditorsNote | null;
  articles: ArticleSummary[];
}

export interface ArticleView {
  id: string;
  title: string;
  speaker: Speaker;
  blocks: Block[];
  readingMinutes: number;
  truncated: boolean;
  /** `publishedAt`: the ISO date staff set for the installment, null until they do. */
  installment: { id: string; title: string; subtitle: string; publishedAt: string | null };
  prev: ArticleRef | null;
  next: ArticleRef | null;
  /** Null when recording this opening found the database unavailable: the speech is served without a count. */
  readCount: number | null;
}

/** Offsets are [start, end) in UTF-16 code units of `snippet`. */
export interface SearchHit {
  articleId: string;
  installmentId: string;
  title: string;
  speakerName: string;
  field: 'title' | 'speaker' | 'body';
  /** The block that matched, for scrolling to it; absent for title/speaker hits. */
  blockId?: string;
  snippet: string;
  matches: Array<[number, number]>;
}

export interface SearchResult {
  q: string;
  hits: SearchHit[];
}

export type EmptyInput = Record<string, never>;

/**
 * `article.get` can record the opening as a `read` in the same call. `read` in the answer says what became of
 * it: when it is not ok, send the same event again through `track` (`read` or `batch`) with the same eventId.
 * `readCount` then already includes this read when it was counted.
 */
export interface ArticleGetInput extends AnonymousReader {
  id: string;
  read?: Pick<ReadEvent, 'eventId' | 'attribution'>;
}

export interface ContentApi {
  'installment.list': { input: EmptyInput; output: { items: InstallmentListItem[] } };
  'installment.get': { input: { id: string }; output: InstallmentView };
  'article.get': { input: ArticleGetInput; output: ArticleView & { read?: EventResult } };
  search: { input: { q: string }; output: SearchResult };
}
