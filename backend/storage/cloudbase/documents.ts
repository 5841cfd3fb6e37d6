import type { WithId } from 'wx-server-sdk';
import { type ArticleRecord, articleContent, type InstallmentRecord } from '../../content/port';
import type { StaffMember } from '../../staff/port';
import {
  type DailyCounts,
  type DayKey,
  type LedgerEntry,
  type ReaderArticle,
  type ReaderKind,
  TOTAL_COUNTERS,
  type TotalCounts,
  zeroCounts,
} from '../../track/model';

export const INSTALLMENTS = 'installments';
export const ARTICLES = 'articles';
/**
 * Reading statistics, in one collection so that one `get` (`_id` in [reader, articles, shares]) fetches everything
 * an event needs: articles' counters (`_id` = article id), readers' records with their ledgers (`R_<key>`) and
 * share records (`S_<shareId>`). Article ids never contain `_` or capitals, so the three never collide.
 */
export const ARTICLE_STATS = 'article_stats';
export const READER_PREFIX = 'R_';
export const SHARE_PREFIX = 'S_';
/** Field names inside a record cannot be all digits safely, so day keys in `d` carry a letter. */
export const DAY_PREFIX = 'D';

/** `installments` record; `_id` is the installment id. */
export type InstallmentDoc = Omit<InstallmentRecord, 'id'>;

/**
 * `articles` record; `_id` is the article id. `installmentNumber` is copied from the installment so
 * `listArticles` can sort on the server; every save rewrites all of an installment's articles, so it stays true.
 */
export type ArticleDoc = Omit<ArticleRecord, 'id'> & { installmentNumber: number };

/**
 * `article_stats` record of an article: its totals and `d[D<day>][<channel>]` daily counters; `_id` is the article id.
 * `on`: the speech can be counted (it is published), `m` its reading time in minutes. Created zeroed when the speech
 * is first made countable, so counting only ever adds to it with `_.inc`.
 */
export type CountersDoc = {
  t: 'article';
  on: boolean;
  m: number;
  d: Record<string, Record<string, Partial<DailyCounts>>>;
} & TotalCounts;

/** A counter record with nothing counted yet: adding it twice is harmless (the second add is refused). */
export const zeroCounters = (on = false, m = 1): CountersDoc => ({
  t: 'article',
  on,
  m,
  ...zeroCounts(TOTAL_COUNTERS),
  d: {},
});

export const STAFF = 'staff';

/** `staff` record; `_id` is the member's key (the keyed hash of their openid). */
export type StaffDoc = Omit<StaffMember, 'key'>;

/**
 * `article_stats` record of a reader (`_id` READER_PREFIX + key): rate, per-article state and the reader's ledger
 * `ev[eventId]`. `v` is bumped by every write: writes are conditional on the `v` that was read.
 * `u` is the day of the last ledger entry, so reconciling recent days reads only recent readers.
 */
export interface ReaderDoc {
  t: 'reader';
  kind: ReaderKind;
  v: number;
  /** A random token of the write that stored this version: a write whose answer was lost can tell it landed. */
  w: string;
  rate: { minute: number; count: number };
  size: number;
  /** Ledger entries of `today.day` (the daily cap) and the shares counted on `sh.day` (see ReaderState). */
  today: { day: DayKey; count: number };
  sh: { day: DayKey; keys: string[] };
  u: DayKey;
  a: Record<string, ReaderArticle>;
  ev: Record<string, LedgerEntry>;
}

/** `article_stats` record of a share (`_id` SHARE_PREFIX + share id); `eventId` is the share event that made it. */
export interface ShareDoc {
  t: 'share';
  article: string;
  reader: string;
  eventId: string;
  at: number;
}

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
  ...articleContent(a),
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
