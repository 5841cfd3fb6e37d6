import type { ShareTarget } from '../../typings/contract';

/**
 * The counting model: who is counted, what the ledger keeps, which counters exist and what each article total
 * sums. The rules (decide/) produce ledger entries and counter deltas in these terms; the adapters derive their
 * storage from the names here and only persist; reconcile recomputes the counters from the ledger with `deltaOf`.
 */

export type ReaderKind = 'openid' | 'anon';

/** A reader as stored: a keyed hash of the openid (or of the app's anonymous install id), never the id itself. */
export interface Reader {
  key: string;
  kind: ReaderKind;
}

/** A calendar day in China time (UTC+8), 'YYYYMMDD'. */
export type DayKey = string;

/**
 * A day kept on a reader (the UV day, the daily cap's day, the shares' day, the last active day) only ever moves
 * forward: a call takes its clock once, so one that began before midnight can commit after one that began after.
 */
export const laterDay = (a: DayKey, b: DayKey): DayKey => (a > b ? a : b);

/**
 * Counters per day × article × channel. `pv`/`uv`/`newUv` count readers WeChat named (an openid): the read count the
 * app shows. Anonymous readers (an app install id, only in 朋友圈 single-page mode) are counted apart in
 * `anonPv`/`anonUv`/`newAnonUv`, never in the headline. `uv`/`anonUv` count a reader once a day, under the channel of
 * their first opening that day; `newUv`/`newAnonUv` count a reader's first opening ever, so the article totals are
 * sums of these. `siteUv` and `siteNewUv` count a named reader once a day, and once ever, across every speech (under
 * the speech and channel they opened first): summed over speeches they give exact distinct readers of a day and of
 * all time, which per-speech UV cannot; `siteAnonUv` and `siteNewAnonUv` do the same for anonymous readers. `shareReads` and `unknownShareReads` (an `s` naming no recorded share of
 * the speech) count counted openings of both kinds; `shares` counts one share per reader × speech × target × day,
 * and `reshares` those of them made by a reader a share had brought to the speech. Staff checking a page (a named
 * reader whose record is marked staff, or an administrator ADMIN_OPENIDS names, when the opening is recorded: `staff`
 * on the entry) are counted apart in `staffPv` (their counted openings) and `staffUv` (once a day, like `uv`) and in
 * nothing else: not the headline, the site-wide readers, share-driven or unknown-share reads, or completions.
 */
export const DAILY_COUNTERS = [
  'pv',
  'uv',
  'newUv',
  'anonPv',
  'anonUv',
  'newAnonUv',
  'siteUv',
  'siteNewUv',
  'siteAnonUv',
  'siteNewAnonUv',
  'shares',
  'reshares',
  'shareReads',
  'unknownShareReads',
  'completions',
  'staffPv',
  'staffUv',
] as const;
export type DailyCounter = (typeof DAILY_COUNTERS)[number];
export type DailyCounts = Record<DailyCounter, number>;

/** Each article total and the daily counter it is the sum of. */
export const TOTAL_OF = {
  pv: 'pv',
  uv: 'newUv',
  anonPv: 'anonPv',
  anonUv: 'newAnonUv',
  siteNewUv: 'siteNewUv',
  siteNewAnonUv: 'siteNewAnonUv',
  shares: 'shares',
  reshares: 'reshares',
  shareReads: 'shareReads',
  unknownShareReads: 'unknownShareReads',
  completions: 'completions',
  staffPv: 'staffPv',
} as const satisfies Record<string, DailyCounter>;
export type TotalCounter = keyof typeof TOTAL_OF;
export type TotalCounts = Record<TotalCounter, number>;
export const TOTAL_COUNTERS = Object.keys(TOTAL_OF) as TotalCounter[];

/** Every counter of `names` at 0. */
export const zeroCounts = <C extends string>(names: readonly C[]): Record<C, number> =>
  Object.fromEntries(names.map((c) => [c, 0])) as Record<C, number>;

/** Every counter of `names`, 0 where `counts` has none. */
export const fullCounts = <C extends string>(names: readonly C[], counts: Partial<Record<C, number>>) =>
  Object.fromEntries(names.map((c) => [c, counts[c] ?? 0])) as Record<C, number>;

/** Adds `add` into `into`, counter by counter. */
export function addCounts<C extends string>(into: Partial<Record<C, number>>, add: Partial<Record<C, number>>): void {
  for (const [c, n] of Object.entries(add) as Array<[C, number]>) into[c] = (into[c] ?? 0) + n;
}

const nonZero = <C extends string>(counts: Partial<Record<C, number>>): Partial<Record<C, number>> =>
  Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== 0)) as Partial<Record<C, number>>;

/** What the article totals move by when daily counters move by `add`. */
export const totalsOf = (add: Partial<DailyCounts>): Partial<TotalCounts> =>
  nonZero(Object.fromEntries(TOTAL_COUNTERS.map((t) => [t, add[TOTAL_OF[t]] ?? 0])) as Partial<TotalCounts>);

// ---- The ledger: every accepted event that counts for something, the source of truth the counters are sums of.

interface EntryBase {
  eventId: string;
  articleId: string;
  /** Server time, ms since the epoch. */
  at: number;
  day: DayKey;
  /** A channel code from channels.ts. */
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
  /** The reader's first opening of the day, and ever, of any speech (named readers; false in older entries). */
  siteFirstToday?: boolean;
  siteFirstEver?: boolean;
  /** eventId of the counted read whose 30-minute window this opening falls in (its own when counted). */
  session: string;
  /**
   * Opened as staff (see DAILY_COUNTERS): counted in staffPv/staffUv only, with windows and UV days of its own
   * (ReaderState.staffArticles). Absent for readers' openings.
   */
  staff?: true;
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
  /** The sharer had come to the speech through someone else's share. */
  reshare?: boolean;
}

export type LedgerEntry = ReadEntry | CompletionEntry | ShareEntry;

export interface LedgerRecord {
  kind: ReaderKind;
  entry: LedgerEntry;
}

export interface ShareRecord {
  shareId: string;
  articleId: string;
  /** Reader key of the sharer. */
  reader: string;
  eventId: string;
  at: number;
}

// ---- What a reader's record keeps between calls.

/** What a reader's record says about one speech. */
export interface ReaderArticle {
  lastOpenAt: number;
  session: string;
  sessionChannel: string;
  /** The last day the reader was counted in this speech's daily UV. */
  uvDay: DayKey;
  /** The session already counted as completed, if any. */
  completed: string | null;
  /** A share brought the reader to this speech at least once (their shares of it are reshares). */
  viaShare?: boolean;
}

export interface ReaderState {
  /** Events accepted in `minute` (ms since the epoch / 60 000). */
  rate: { minute: number; count: number };
  ledgerSize: number;
  /** Ledger entries recorded on `day` (China time): the daily cap's count. */
  today: { day: DayKey; count: number };
  /** `<articleId>|<target>` of the shares counted on `day`: one per reader × speech × target × day. */
  shared: { day: DayKey; keys: string[] };
  /** The last day the reader opened any speech ('' never): their site-wide UV. */
  readDay: DayKey;
  /** Only the articles asked for (in a snapshot) or changed (in a commit). */
  articles: Map<string, ReaderArticle>;
  /**
   * The same for the reader's openings as staff, kept apart from `articles` so that being staff for a while leaves
   * the reader's own windows, UV days and first-ever openings as they were; absent when there are none.
   */
  staffArticles?: Map<string, ReaderArticle>;
}

// ---- Counter deltas: what recording an entry, or correcting drift, adds to the counters.

/** One day × article × channel cell and what it moves by. */
export interface CellDelta {
  day: DayKey;
  channel: string;
  add: Partial<DailyCounts>;
}

/**
 * A change to one article's counters: a day × channel cell and the totals that move with it (`totalsOf`), or — with
 * no cell — a correction of the totals alone. Adapters persist it as given.
 */
export interface CounterDelta {
  articleId: string;
  cell: CellDelta | null;
  totals: Partial<TotalCounts>;
}

/** A cell's delta together with the totals it moves. */
export const cellDelta = (articleId: string, cell: CellDelta): CounterDelta => ({
  articleId,
  cell: { ...cell, add: nonZero(cell.add) },
  totals: totalsOf(cell.add),
});

export const isEmptyDelta = (d: CounterDelta): boolean =>
  Object.keys(d.totals).length === 0 && (d.cell === null || Object.keys(d.cell.add).length === 0);

/** Deltas of one article, with equal cells summed: what one counter write per article carries. */
export interface ArticleDelta {
  articleId: string;
  cells: CellDelta[];
  totals: Partial<TotalCounts>;
}

export function byArticle(deltas: readonly CounterDelta[]): ArticleDelta[] {
  const articles = new Map<string, { cells: Map<string, CellDelta>; totals: Partial<TotalCounts> }>();
  for (const d of deltas) {
    let group = articles.get(d.articleId);
    if (group === undefined) {
      group = { cells: new Map(), totals: {} };
      articles.set(d.articleId, group);
    }
    addCounts(group.totals, d.totals);
    if (d.cell === null) continue;
    const key = `${d.cell.day}|${d.cell.channel}`;
    const cell = group.cells.get(key) ?? { day: d.cell.day, channel: d.cell.channel, add: {} };
    addCounts(cell.add, d.cell.add);
    group.cells.set(key, cell);
  }
  return [...articles].map(([articleId, g]) => ({ articleId, cells: [...g.cells.values()], totals: g.totals }));
}

const one = (flag: boolean): number => (flag ? 1 : 0);

/**
 * The counter delta one ledger entry stands for: used when recording it and again when reconciling.
 * Anonymous readers and staff never move the headline `pv`/`uv`: they have counters of their own.
 */
export function deltaOf(entry: LedgerEntry, kind: ReaderKind): CounterDelta {
  let add: Partial<DailyCounts>;
  switch (entry.type) {
    case 'read': {
      if (entry.staff === true) {
        add = { staffPv: one(entry.counted), staffUv: one(entry.firstToday) };
        break;
      }
      const named = kind === 'openid';
      add = {
        pv: one(named && entry.counted),
        uv: one(named && entry.firstToday),
        newUv: one(named && entry.firstEver),
        anonPv: one(!named && entry.counted),
        anonUv: one(!named && entry.firstToday),
        newAnonUv: one(!named && entry.firstEver),
        siteUv: one(named && entry.siteFirstToday === true),
        siteNewUv: one(named && entry.siteFirstEver === true),
        siteAnonUv: one(!named && entry.siteFirstToday === true),
        siteNewAnonUv: one(!named && entry.siteFirstEver === true),
        shareReads: one(entry.counted && entry.share !== null),
        unknownShareReads: one(entry.counted && entry.unknownShare),
      };
      break;
    }
    case 'completion':
      add = { completions: 1 };
      break;
    case 'share': {
      const counted = entry.counted !== false;
      add = { shares: one(counted), reshares: one(counted && entry.reshare === true) };
      break;
    }
  }
  return cellDelta(entry.articleId, { day: entry.day, channel: entry.channel, add });
}
