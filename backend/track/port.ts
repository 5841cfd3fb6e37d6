import type {
  CounterDelta,
  DailyCounts,
  DayKey,
  LedgerEntry,
  LedgerRecord,
  Reader,
  ReaderState,
  ShareRecord,
  TotalCounts,
} from './model';

/** What `applyEvents` loads for one call: only what its events name. */
export interface TrackRequest {
  reader: Reader;
  /** The call's day: events are looked up in the ledger of it and the RESEND_WITHIN_DAYS before it. */
  day: DayKey;
  /** Ledger entries to look up: the events' own ids and the reads that progress events refer to. */
  eventIds: string[];
  articleIds: string[];
  shareIds: string[];
  /** `ch` values that may name a staff-made channel. */
  channelCodes: string[];
}

/** A speech that can be counted (it is published), as counting needs it. */
export interface CountableArticle {
  readCount: number;
  readingMinutes: number;
}

export interface TrackSnapshot {
  /** null for a reader never seen. */
  state: ReaderState | null;
  entries: Map<string, LedgerEntry>;
  shares: Map<string, ShareRecord>;
  /** The requested articles that can be counted; an event naming any other is NOT_FOUND. */
  articles: Map<string, CountableArticle>;
  /** The requested codes that name a staff-made channel (retired ones too). */
  channels: Set<string>;
  /** The reader's record is marked staff (`markStaff`): their openings count as staff's. */
  staff: boolean;
}

export interface TrackCommit {
  state: ReaderState;
  entries: LedgerEntry[];
  shares: ShareRecord[];
  /** What the entries add to the counters, cells and totals alike. */
  deltas: CounterDelta[];
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

/** The counters of one day × article × channel. */
export interface CounterCell {
  day: DayKey;
  articleId: string;
  channel: string;
  counts: DailyCounts;
}

/** The daily counters of one article × channel, summed over every day. */
export interface ChannelTotal {
  articleId: string;
  channel: string;
  counts: DailyCounts;
}

/** Ledger and counters for reconciling the days in [from, to) (from null: from the start). */
export interface ReconcileSnapshot {
  entries: LedgerRecord[];
  cells: CounterCell[];
  totals: Map<string, TotalCounts>;
  /** Read together with `totals`, so the two agree unless a write went wrong. */
  channelTotals: ChannelTotal[];
}

/** The track module's door to persistence; both adapters implement it and pass test/storage/track-contract.ts. */
/** What one archive run did: readers whose closed days moved, entries moved, readers left for the next run. */
export interface ArchiveReport {
  readers: number;
  entries: number;
  left: number;
}

export interface TrackStore {
  /**
   * Makes speeches countable (published) with their reading times, or no longer countable. Counters are created
   * zeroed the first time and never reset: a speech published again keeps its counts.
   */
  setCountable(articles: Array<{ id: string; readingMinutes: number }>, countable: boolean): Promise<void>;
  /** The countable speeches among `ids`. */
  countable(ids: string[]): Promise<Map<string, CountableArticle>>;
  /** Read counts (counted page views); an article never read is 0. */
  readCounts(ids: string[]): Promise<Map<string, number>>;
  /**
   * Records one call's events for one reader as a unit: loads the snapshot the request names, runs `decide` on
   * it (pure and synchronous; run again on a fresh snapshot if the reader's record changed meanwhile) and stores
   * its commit — ledger entries and reader state atomically, then the counter deltas. Returns `decide`'s result.
   * A stored ledger entry whose deltas failed leaves drift that `reconcile` repairs.
   * Throws ReaderBusyError when the record kept changing.
   */
  applyEvents<T>(request: TrackRequest, decide: (snapshot: TrackSnapshot) => TrackDecision<T>): Promise<T>;
  reconcileSnapshot(range: { from: DayKey | null; to: DayKey }): Promise<ReconcileSnapshot>;
  /**
   * Moves the ledger of days before `before` out of readers' records where the adapter keeps it with them (CloudBase,
   * whose records and answers are size-limited); nothing to do where it lives in a table of its own (SQLite). Readers
   * not reached by `deadline` (epoch ms) are `left` for the next run: a write archives its own reader's days anyway
   * once the timer has fallen MAX_HELD_DAYS behind.
   */
  archiveLedger(before: DayKey, deadline: number): Promise<ArchiveReport>;
  /** Adds (possibly negative) deltas to the counters, creating missing ones. */
  adjustCounters(deltas: CounterDelta[]): Promise<void>;
  /**
   * Marks the reader `key` as staff, or no longer (the admin's staff actions), on the record a call's snapshot reads
   * anyway, so that telling staff apart costs a read nothing; a reader never seen gets a record holding the mark.
   * Calls deciding meanwhile decide again. Idempotent.
   */
  markStaff(key: string, staff: boolean): Promise<void>;
}
