import type { ArticleSummary, ArticleView, EditorsNote, ShareTarget } from '../../typings/contract';

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

// ---- Reading analytics (the `track` function). The rules live in backend/track; the store keeps what they decide.

export type ReaderKind = 'openid' | 'anon';

/** A reader as stored: a keyed hash of the openid (or of the app's anonymous install id), never the id itself. */
export interface Reader {
  key: string;
  kind: ReaderKind;
}

/** A calendar day in China time (UTC+8), 'YYYYMMDD'. */
export type DayKey = string;

/**
 * Counters per day × article × channel. `pv`/`uv`/`newUv` count readers WeChat named (an openid): the read count the
 * app shows. Anonymous readers (an app install id, only in 朋友圈 single-page mode) are counted apart in
 * `anonPv`/`anonUv`/`newAnonUv`, never in the headline. `uv`/`anonUv` count a reader once a day, under the channel of
 * their first opening that day; `newUv`/`newAnonUv` count a reader's first opening ever, so the article totals are
 * sums of these. `shareReads` and `unknownShareReads` (an `s` naming no recorded share of the speech) count
 * counted openings of both kinds; `shares` counts one share per reader × speech × target × day.
 */
export const DAILY_COUNTERS = [
  'pv',
  'uv',
  'newUv',
  'anonPv',
  'anonUv',
  'newAnonUv',
  'shares',
  'shareReads',
  'unknownShareReads',
  'completions',
] as const;
export type DailyCounter = (typeof DAILY_COUNTERS)[number];
export type DailyCounts = Record<DailyCounter, number>;

/** Each article total and the daily counter it is the sum of. */
export const TOTAL_OF = {
  pv: 'pv',
  uv: 'newUv',
  anonPv: 'anonPv',
  anonUv: 'newAnonUv',
  shares: 'shares',
  shareReads: 'shareReads',
  unknownShareReads: 'unknownShareReads',
  completions: 'completions',
} as const satisfies Record<string, DailyCounter>;
export type TotalCounter = keyof typeof TOTAL_OF;
export type TotalCounts = Record<TotalCounter, number>;

interface EntryBase {
  eventId: string;
  articleId: string;
  /** Server time, ms since the epoch. */
  at: number;
  day: DayKey;
  /** A channel code from backend/track/channels.ts. */
  channel: string;
}

/** An opening. The flags are the decisions made when it was recorded; the counters are their sums. */
export interface ReadEntry extends EntryBase {
  type: 'read';
  counted: boolean;
  firstEver: boolean;
  firstToday: boolean;
  /** The recorded share of this speech that brought the reader, if any. */
  share: string | null;
  /** A share id was given that names no recorded share of this speech (or is malformed). */
  unknownShare: boolean;
  /** eventId of the counted read whose 30-minute window this opening falls in (its own when counted). */
  session: string;
}

/** A progress event that completed a reading; progress that completes nothing is not kept. */
export interface CompletionEntry extends EntryBase {
  type: 'completion';
  readEventId: string;
  session: string;
}

export interface ShareEntry extends EntryBase {
  type: 'share';
  shareId: string;
  target: ShareTarget;
  /**
   * Whether it was counted in `shares`: only the reader's first share of this speech to this target on its day is.
   * Absent in entries recorded before the rule (all of which were counted).
   */
  counted?: boolean;
}

/** The ledger: every accepted event that counts for something, the source of truth the counters are recomputed from. */
export type LedgerEntry = ReadEntry | CompletionEntry | ShareEntry;

export interface ShareRecord {
  shareId: string;
  articleId: string;
  /** Reader key of the sharer. */
  reader: string;
  eventId: string;
  at: number;
}

/** What a reader's record says about one speech. */
export interface ReaderArticle {
  lastOpenAt: number;
  session: string;
  sessionChannel: string;
  /** The last day the reader was counted in this speech's daily UV. */
  uvDay: DayKey;
  /** The session already counted as completed, if any. */
  completed: string | null;
}

export interface ReaderState {
  /** Events accepted in `minute` (ms since the epoch / 60 000). */
  rate: { minute: number; count: number };
  ledgerSize: number;
  /** Ledger entries recorded on `day` (China time): the daily cap's count. */
  today: { day: DayKey; count: number };
  /** `<articleId>|<target>` of the shares counted on `day`: one per reader × speech × target × day. */
  shared: { day: DayKey; keys: string[] };
  /** Only the articles asked for (in a snapshot) or changed (in a commit). */
  articles: Map<string, ReaderArticle>;
}

/** What `applyEvents` loads for one call: only what its events name. */
export interface TrackRequest {
  reader: Reader;
  /** Ledger entries to look up: the events' own ids and the reads that progress events refer to. */
  eventIds: string[];
  articleIds: string[];
  shareIds: string[];
}

export interface TrackSnapshot {
  /** null for a reader never seen. */
  state: ReaderState | null;
  entries: Map<string, LedgerEntry>;
  shares: Map<string, ShareRecord>;
  /** pv of each requested article, 0 when never read. */
  readCounts: Map<string, number>;
}

export interface TallyDelta {
  articleId: string;
  day: DayKey;
  channel: string;
  add: Partial<DailyCounts>;
}

export interface TrackCommit {
  state: ReaderState;
  entries: LedgerEntry[];
  shares: ShareRecord[];
  /** Increments of the daily counters; the article totals move with them (see TOTAL_OF). */
  tallies: TallyDelta[];
}

export interface TrackDecision<T> {
  result: T;
  /** null: nothing to store. */
  commit: TrackCommit | null;
}

/** Another call by the same reader kept changing the reader's record first; the events may be sent again later. */
export class ReaderBusyError extends Error {
  constructor() {
    super('reader record busy');
    this.name = 'ReaderBusyError';
  }
}

/**
 * The store cannot take the request now — SQLite: another connection (`npm run reconcile`, a second server) held the
 * write lock past the busy timeout. Nothing was changed; the same request may succeed a little later.
 */
export class StoreUnavailableError extends Error {
  constructor(options?: ErrorOptions) {
    super('store unavailable: the database is locked by another connection', options);
    this.name = 'StoreUnavailableError';
  }
}

export interface LedgerRecord {
  kind: ReaderKind;
  entry: LedgerEntry;
}

export interface DailyRow {
  day: DayKey;
  articleId: string;
  channel: string;
  counts: DailyCounts;
}

/** Ledger and counters for reconciling, for the days in [from, to) (from null: from the start). */
export interface TallySnapshot {
  entries: LedgerRecord[];
  daily: DailyRow[];
  totals: Map<string, TotalCounts>;
  /** Per article, the totals implied by its daily counters over all days (read together with `totals`). */
  dailySums: Map<string, TotalCounts>;
}

export interface CounterFixes {
  daily: TallyDelta[];
  totals: Array<{ articleId: string; add: Partial<TotalCounts> }>;
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
  /**
   * Records one call's events for one reader as a unit: loads the snapshot the request names, runs `decide` on
   * it (pure and synchronous; run again on a fresh snapshot if the reader's record changed meanwhile) and stores
   * its commit — ledger entries and reader state atomically, then counter increments. Returns `decide`'s result.
   * A stored ledger entry whose counter increments failed leaves drift that `reconcile` repairs.
   * Throws ReaderBusyError when the record kept changing.
   */
  applyEvents<T>(request: TrackRequest, decide: (snapshot: TrackSnapshot) => TrackDecision<T>): Promise<T>;
  tallySnapshot(range: { from: DayKey | null; to: DayKey }): Promise<TallySnapshot>;
  /** Adds (possibly negative) amounts to counters, creating missing ones. */
  adjustCounters(fixes: CounterFixes): Promise<void>;
  close(): Promise<void>;
}
