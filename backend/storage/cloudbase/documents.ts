import type { WithId } from 'wx-server-sdk';
import type { ShareTarget } from '../../../typings/contract';
import type { CodeRecord } from '../../admin/port';
import type { ChannelRecord } from '../../channels/port';
import { type ArticleRecord, articleContent, type InstallmentRecord } from '../../content/port';
import type { StaffMember } from '../../staff/port';
import {
  type DailyCounts,
  type DayKey,
  type ReaderArticle,
  type ReaderKind,
  TOTAL_COUNTERS,
  type TotalCounts,
  zeroCounts,
} from '../../track/model';

export const INSTALLMENTS = 'installments';
export const ARTICLES = 'articles';
/**
 * Reading statistics, in one collection so that one `get` (`_id` in [...]) fetches everything an event needs:
 * articles' counters (`_id` = article id), readers' records (`R_<key>`), the reader's archived ledger days
 * (`L_<day>_<key>`) and share records (`S_<shareId>`). Article ids never contain `_` or capitals, so none collide.
 */
export const ARTICLE_STATS = 'article_stats';
export const READER_PREFIX = 'R_';
export const LEDGER_PREFIX = 'L_';
export const SHARE_PREFIX = 'S_';
export const CHANNEL_PREFIX = 'C_';
/** Field names inside a record cannot be all digits safely, so day keys in `d`, `ev` and `n` carry a letter. */
export const DAY_PREFIX = 'D';

export const readerId = (key: string): string => READER_PREFIX + key;
/** The day first: reader keys are base64url and may hold `_`, days never do. */
export const ledgerId = (day: DayKey, key: string): string => `${LEDGER_PREFIX}${day}_${key}`;
export const dayField = (day: DayKey): string => DAY_PREFIX + day;
export const dayOfField = (field: string): DayKey => field.slice(DAY_PREFIX.length);

/** `installments` record; `_id` is the installment id. */
export type InstallmentDoc = Omit<InstallmentRecord, 'id'>;

/**
 * `articles` record; `_id` is the article id. `installmentNumber` is copied from the installment so
 * `listArticles` can sort on the server; every save rewrites all of an installment's articles, so it stays true.
 */
export type ArticleDoc = Omit<ArticleRecord, 'id'> & { installmentNumber: number };

/** Counters by channel: `{<channel>: {<counter>: n}}`. */
export type ChannelCounts = Record<string, Partial<DailyCounts>>;

/**
 * `article_stats` record of an article (`_id` the article id): its totals, `c[<channel>]` the daily counters summed
 * over all days, and `d[D<day>][<channel>]` the daily counters; one `update` moves all three together. `on`: the
 * speech can be counted (it is published), `m` its reading time in minutes. Created zeroed when the speech is first
 * made countable, so counting only ever adds to it with `_.inc`. Never read whole: every read projects the fields
 * it needs (`pv`; the totals and `c`; the days asked for).
 */
export type CountersDoc = {
  t: 'article';
  on: boolean;
  m: number;
  c: ChannelCounts;
  d: Record<string, ChannelCounts>;
} & TotalCounts;

/** A counter record with nothing counted yet: adding it twice is harmless (the second add is refused). */
export const zeroCounters = (on = false, m = 1): CountersDoc => ({
  t: 'article',
  on,
  m,
  ...zeroCounts(TOTAL_COUNTERS),
  c: {},
  d: {},
});

/**
 * A ledger entry as stored, under its event id within its day (the key and the container give those): short field
 * names, because a reader's busiest day holds up to MAX_LEDGER_PER_READER_DAY of them.
 * y: type (r read, c completion, s share); a: article; t: server time; c: channel; f: flags (see entries.ts);
 * x: session (read, completion); s: share id (read: the share that brought the reader; share: its own id);
 * p: the read a completion belongs to; g: a share's target.
 */
export interface EntryDoc {
  y: 'r' | 'c' | 's';
  a: string;
  t: number;
  c: string;
  f: number;
  x?: string;
  s?: string;
  p?: string;
  g?: ShareTarget;
}

/** Entries of one day by event id. */
export type DayEntries = Record<string, EntryDoc>;

/**
 * `article_stats` record of a reader (`_id` READER_PREFIX + key): rate, per-article state and the ledger of the days
 * not yet archived, `ev[D<day>][eventId]`, with `n[D<day>]` entries each. `v` is bumped by every write: writes are
 * conditional on the `v` that was read. `o` is the oldest day still held here ('' when none): the daily timer moves
 * closed days out to ledger records, so a reader's record holds a day or two of ledger, never more than
 * MAX_HELD_DAYS (a write archives first when the timer has not).
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
  /** The last day the reader opened any speech (ReaderState.readDay). */
  rd: DayKey;
  o: DayKey;
  a: Record<string, ReaderArticle>;
  /** The reader's per-speech state as staff (ReaderState.staffArticles); absent until they open one as staff. */
  sa?: Record<string, ReaderArticle>;
  ev: Record<string, DayEntries>;
  n: Record<string, number>;
  /**
   * Staff (set and cleared by the admin's staff actions, never by a read's write): the snapshot's `get` reads it
   * with the rest, so telling a staff member's opening apart costs no request. Absent for readers.
   */
  st?: boolean;
}

/** A reader's record before their first event: what `markStaff` adds for someone who has never read. */
export const emptyReaderDoc = (kind: ReaderKind, w: string): ReaderDoc => ({
  t: 'reader',
  kind,
  v: 1,
  w,
  rate: { minute: 0, count: 0 },
  size: 0,
  today: { day: '', count: 0 },
  sh: { day: '', keys: [] },
  rd: '',
  o: '',
  a: {},
  ev: {},
  n: {},
});

/**
 * `article_stats` record of one closed day of one reader's ledger (`_id` ledgerId(day, key)), moved out of `R_`.
 * `ev` is keyed by day like the reader's, so one projection (`ev.D<day>.<eventId>`) looks an event up in both.
 */
export interface LedgerDoc {
  t: 'ledger';
  /** The reader's key. */
  r: string;
  kind: ReaderKind;
  day: DayKey;
  n: number;
  ev: Record<string, DayEntries>;
}

/** A reader's record holds at most this many days of ledger: a write archives older ones first (see ledger.ts). */
export const MAX_HELD_DAYS = 7;

/** `article_stats` record of a share (`_id` SHARE_PREFIX + share id); `eventId` is the share event that made it. */
export interface ShareDoc {
  t: 'share';
  article: string;
  reader: string;
  eventId: string;
  at: number;
}

/**
 * `article_stats` record of a staff-made channel (`_id` CHANNEL_PREFIX + code): kept with the counters so that the
 * `get` of a read's snapshot also tells whether its `ch` names one.
 */
export type ChannelDoc = {
  t: 'channel';
  name: string;
  type: ChannelRecord['type'];
  createdAt: number;
  createdBy: string | null;
  retired: boolean;
};

/** Mini-program codes made so far; `_id` is a hash of the scene (which holds `&` and `=`). */
export const CODES = 'codes';
export type CodeDoc = { [K in keyof CodeRecord]: CodeRecord[K] };
/** `codes` record of one of a reader's daily poster codes, claimed before it is made (`_id` `Q<n>_<hash>`). */
export type ClaimDoc = { t: 'claim'; createdBy: string; day: string };

export const STAFF = 'staff';

/** `staff` record; `_id` is the member's key (the keyed hash of their openid). */
export type StaffDoc = Omit<StaffMember, 'key'>;

// Fields are listed one by one so `data` never carries `_id` (the SDK rejects it in `set`) or stray keys.

export const installmentDoc = (i: InstallmentRecord, publishedAt: string | null): InstallmentDoc => ({
  number: i.number,
  title: i.title,
  subtitle: i.subtitle,
  publishedAt,
  editorsNote: i.editorsNote,
  articles: i.articles,
  revision: i.revision,
  online: i.online,
});

/** An article as saved, showing the installment's date (the one staff set, if they did). */
export const articleDoc = (a: ArticleRecord, installmentNumber: number, publishedAt: string | null): ArticleDoc => {
  const content = articleContent(a);
  return {
    installmentId: a.installmentId,
    installmentNumber,
    position: a.position,
    online: a.online,
    ...content,
    installment: { ...content.installment, publishedAt },
  };
};

export const toInstallment = (d: WithId<InstallmentDoc>): InstallmentRecord => ({
  id: String(d._id),
  number: d.number,
  title: d.title,
  subtitle: d.subtitle,
  publishedAt: d.publishedAt,
  editorsNote: d.editorsNote,
  articles: d.articles,
  revision: d.revision,
  // Records saved before installments could go offline were all online.
  online: d.online !== false,
});

export const toArticle = (d: WithId<ArticleDoc>): ArticleRecord => ({
  id: String(d._id),
  installmentId: d.installmentId,
  position: d.position,
  online: d.online !== false,
  title: d.title,
  speaker: d.speaker,
  blocks: d.blocks,
  readingMinutes: d.readingMinutes,
  truncated: d.truncated,
  installment: { ...d.installment, publishedAt: d.installment.publishedAt ?? null },
  prev: d.prev,
  next: d.next,
});
