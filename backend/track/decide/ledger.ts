import {
  type CounterDelta,
  type DayKey,
  deltaOf,
  isEmptyDelta,
  type LedgerEntry,
  laterDay,
  type Reader,
  type ReaderArticle,
  type ReaderState,
  type ShareRecord,
} from '../model';
import type { CountableArticle, TrackCommit, TrackSnapshot } from '../port';
import { type Rate, takeRate } from '../rate';

/**
 * A reader's ledger is kept with their record; past this many entries in one China-time day their events are
 * refused as BAD_REQUEST (final: the app drops them instead of retrying) until the next day.
 */
export const MAX_LEDGER_PER_READER_DAY = 1000;

/**
 * One call's working copy of the reader's snapshot: the decisions for its events read and change it in order, and
 * what changed becomes the commit.
 */
export class WorkingLedger {
  readonly day: DayKey;
  private readonly entries: Map<string, LedgerEntry>;
  private readonly shares: Map<string, ShareRecord>;
  private readonly counts = new Map<string, number>();
  private readonly facts: Map<string, CountableArticle>;
  /** Staff-made channels the events name. */
  readonly channels: ReadonlySet<string>;
  private readonly articles: Map<string, ReaderArticle>;
  private readonly changed = new Set<string>();
  private readonly staffArticles: Map<string, ReaderArticle>;
  private readonly changedStaff = new Set<string>();
  /** The reader opens speeches as staff: a named reader marked staff, or known to be (an ADMIN_OPENIDS admin). */
  readonly staff: boolean;
  private rate: Rate | undefined;
  private ledgerSize: number;
  private readonly today: { day: DayKey; count: number };
  private readonly sharedDay: DayKey;
  private readonly shared: Set<string>;
  private readDay: DayKey;
  private readonly newEntries: LedgerEntry[] = [];
  private readonly newShares: ShareRecord[] = [];
  private readonly deltas: CounterDelta[] = [];
  private accepted = false;

  constructor(
    readonly reader: Reader,
    readonly now: number,
    day: DayKey,
    snapshot: TrackSnapshot,
    /** The start of the reader's own share ids. */
    readonly sharePrefix: string,
    /** Known to be staff without the snapshot (an administrator ADMIN_OPENIDS names). */
    staff = false,
  ) {
    this.day = day;
    this.staff = reader.kind === 'openid' && (staff || snapshot.staff);
    const stored: ReaderState | null = snapshot.state;
    this.entries = new Map(snapshot.entries);
    this.shares = new Map(snapshot.shares);
    this.facts = snapshot.articles;
    this.channels = snapshot.channels;
    for (const [id, a] of snapshot.articles) this.counts.set(id, a.readCount);
    this.articles = new Map(stored?.articles ?? []);
    this.staffArticles = new Map(stored?.staffArticles ?? []);
    this.rate = stored?.rate;
    this.ledgerSize = stored?.ledgerSize ?? 0;
    const todayDay = laterDay(stored?.today.day ?? '', day);
    this.today = { day: todayDay, count: stored?.today.day === todayDay ? stored.today.count : 0 };
    this.sharedDay = laterDay(stored?.shared.day ?? '', day);
    this.shared = new Set(stored?.shared.day === this.sharedDay ? stored.shared.keys : []);
    this.readDay = stored?.readDay ?? '';
  }

  get named(): boolean {
    return this.reader.kind === 'openid';
  }

  known(eventId: string): LedgerEntry | undefined {
    return this.entries.get(eventId);
  }

  countable(articleId: string): CountableArticle | undefined {
    return this.facts.get(articleId);
  }

  readCount(articleId: string): number {
    return this.counts.get(articleId) ?? 0;
  }

  /** A read that moved the read count. */
  countRead(articleId: string): number {
    const count = this.readCount(articleId) + 1;
    this.counts.set(articleId, count);
    return count;
  }

  /** Whether the daily cap is reached (on a later day than the call's, the stored day's count does not apply). */
  get capReached(): boolean {
    return this.today.day === this.day && this.today.count >= MAX_LEDGER_PER_READER_DAY;
  }

  /** The rate after one more event, or null when this minute is used up; `accept` takes it. */
  nextRate(): Rate | null {
    return takeRate(this.rate, this.now);
  }

  accept(rate: Rate): void {
    this.rate = rate;
    this.accepted = true;
  }

  record(entry: LedgerEntry): void {
    this.entries.set(entry.eventId, entry);
    this.newEntries.push(entry);
    const delta = deltaOf(entry, this.reader.kind);
    if (!isEmptyDelta(delta)) this.deltas.push(delta);
    this.ledgerSize += 1;
    if (entry.day === this.today.day) this.today.count += 1;
  }

  /** The reader's state of a speech: of their openings as staff when `asStaff`. */
  article(articleId: string, asStaff = false): ReaderArticle | undefined {
    return (asStaff ? this.staffArticles : this.articles).get(articleId);
  }

  setArticle(articleId: string, state: ReaderArticle, asStaff = false): void {
    (asStaff ? this.staffArticles : this.articles).set(articleId, state);
    (asStaff ? this.changedStaff : this.changed).add(articleId);
  }

  share(shareId: string): ShareRecord | undefined {
    return this.shares.get(shareId);
  }

  addShare(share: ShareRecord): void {
    this.shares.set(share.shareId, share);
    this.newShares.push(share);
  }

  /** An opening of any speech: whether it is the reader's first today and first ever, across every speech. */
  siteRead(): { today: boolean; ever: boolean } {
    const seen = { today: this.readDay < this.day, ever: this.readDay === '' };
    this.readDay = laterDay(this.readDay, this.day);
    return seen;
  }

  /** Whether a share of this speech to this target is the first counted today; claims it if so. */
  claimShare(articleId: string, target: string): boolean {
    const key = `${articleId}|${target}`;
    if (this.day !== this.sharedDay || this.shared.has(key)) return false;
    this.shared.add(key);
    return true;
  }

  commit(): TrackCommit | null {
    if (!this.accepted || this.rate === undefined) return null;
    return {
      state: {
        rate: this.rate,
        ledgerSize: this.ledgerSize,
        today: this.today,
        shared: { day: this.sharedDay, keys: [...this.shared] },
        readDay: this.readDay,
        articles: new Map([...this.changed].map((id) => [id, this.articles.get(id) as ReaderArticle])),
        ...(this.changedStaff.size > 0 && {
          staffArticles: new Map([...this.changedStaff].map((id) => [id, this.staffArticles.get(id) as ReaderArticle])),
        }),
      },
      entries: this.newEntries,
      shares: this.newShares,
      deltas: this.deltas,
    };
  }
}
