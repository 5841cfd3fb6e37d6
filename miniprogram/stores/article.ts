import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { ArticleRef, ArticleView, ReadEvent, ShareTarget } from '../../typings/contract';
import { type CloudClient, isFinal, NETWORK_MESSAGE } from '../services/cloud';
import { type BlockView, toBlockView } from '../utils/blocks';
import { type CardText, excerptOf } from '../utils/cards';
import { formatCount, formatDate, formatMinutes, seriesOf } from '../utils/format';
import { newEventId, newShareId } from '../utils/ids';
import type { ContentCache } from './content-cache';
import type { EntryStore } from './entry';
import type { LoadStatus } from './installment';
import { ReadingSession } from './reading';
import type { TrackQueue } from './track-queue';

export interface ArticleScreen {
  id: string;
  title: string;
  speakerName: string;
  positions: string;
  minutesText: string;
  installmentTitle: string;
  /** The series under the title: 深入学习领会党的二十大精神·发言摘登(一). */
  seriesText: string;
  /** The installment's date once staff set it (2022年11月8日), else empty. */
  dateText: string;
  blocks: BlockView[];
  truncated: boolean;
  prev: ArticleRef | null;
  next: ArticleRef | null;
}

const screenOf = (v: ArticleView): ArticleScreen => ({
  id: v.id,
  title: v.title,
  speakerName: v.speaker.name,
  positions: v.speaker.positions.join('、'),
  minutesText: formatMinutes(v.readingMinutes),
  installmentTitle: v.installment.title,
  seriesText: seriesOf(v.installment.title, v.installment.subtitle),
  dateText: v.installment.publishedAt ? formatDate(v.installment.publishedAt) : '',
  blocks: v.blocks.map(toBlockView),
  truncated: v.truncated,
  prev: v.prev,
  next: v.next,
});

/** A speech kept on the phone, offered when the one asked for is not. */
export interface SavedSpeech {
  id: string;
  title: string;
  speakerName: string;
}

export interface ArticleDeps {
  call: CloudClient['call'];
  cache: ContentCache;
  entry: EntryStore;
  isOffline: () => Promise<boolean>;
  queue: TrackQueue;
  anonId: () => string;
  /** The start of the reader's own share ids, once the server has said it (the identity store). */
  sharePrefix: () => string | null;
}

/** A cached speech older than this is fetched again, so an editor's correction reaches every reader. */
export const CACHE_FRESH_MS = 12 * 60 * 60 * 1000;
const isStale = (entry: { savedAt: number }, now = Date.now()): boolean => now - entry.savedAt > CACHE_FRESH_MS;

/**
 * The article page's state. One article page exists at a time (speech-to-speech navigation
 * replaces the page), so one store serves it; `reset` runs when the page unloads.
 */
export class ArticleStore {
  status: LoadStatus = 'loading';
  article: ArticleScreen | null = null;
  readCountText = '';
  offline = false;
  errorMessage = '';
  /** The link names no speech that is online (a bad or old link): the page offers the installment's speeches. */
  missing = false;
  /** The network failed and this speech was never saved on the phone: the page says so and offers `saved`. */
  notSaved = false;
  /** The speeches that do open offline, most recently opened first (set with `notSaved`). */
  saved: SavedSpeech[] = [];
  /** 0..100, rounded: the progress bar's width. */
  progress = 0;
  private requested: { id: string; query: Record<string, string | undefined> } | null = null;
  private session: ReadingSession | null = null;
  /** The speech shown, as the server gave it: what its share cards and poster say. */
  private view: ArticleView | null = null;

  constructor(private readonly deps: ArticleDeps) {
    makeAutoObservable<ArticleStore, 'deps' | 'requested' | 'session' | 'view'>(this, {
      deps: false,
      requested: false,
      session: false,
      view: false,
    });
  }

  /** What the shown speech's share cards and poster say; null before it has loaded. */
  cardText(): (CardText & { id: string }) | null {
    const v = this.view;
    if (!v) return null;
    return {
      id: v.id,
      title: v.title,
      speaker: v.speaker.name,
      positions: v.speaker.positions.join('、'),
      series: v.installment.title,
      issue: v.installment.subtitle.replace(/^[—－-]+/, ''),
      excerpt: excerptOf(v.blocks.filter((b) => b.kind !== 'heading').map((b) => b.text)),
    };
  }

  get articleId(): string | null {
    return this.requested?.id ?? null;
  }

  /**
   * Opens a speech and records the read, in one cloud call: `article.get` carrying the read, or, for
   * a cached speech, a `track.read` that does not hold up the text. A read the server did not take
   * goes to the queue with the same eventId, so it is counted once when it gets through.
   */
  async load(id: string, query: Record<string, string | undefined> = {}): Promise<void> {
    this.requested = { id, query };
    this.missing = false;
    const read: ReadEvent = {
      type: 'read',
      eventId: newEventId(),
      articleId: id,
      attribution: this.deps.entry.attributionFor(id, query),
    };
    const cached = this.deps.cache.article(id);
    if (cached && !isStale(cached)) {
      const offline = await this.deps.isOffline();
      if (this.requested?.id !== id) return;
      this.deps.cache.touch(id);
      this.show(cached.value, offline);
      // Progress waits for its read: the server refuses progress for a read it has not seen.
      this.startReading(read, this.recordCachedRead(read));
      return;
    }
    this.status = 'loading';
    const res = await this.deps.call('content', 'article.get', {
      id,
      anonId: this.deps.anonId(),
      read: { eventId: read.eventId, attribution: read.attribution },
    });
    if (this.requested?.id !== id) return;
    if (!res.ok) {
      if (cached && res.code !== 'NOT_FOUND') {
        // An old copy beats an error: shown as offline content, its read kept for later.
        this.show(cached.value, true);
        this.startReading(read);
        this.deps.queue.enqueue(read);
        return;
      }
      const notSaved = !cached && res.message === NETWORK_MESSAGE;
      runInAction(() => {
        this.status = 'error';
        this.missing = res.code === 'NOT_FOUND';
        this.errorMessage = this.missing ? '这篇文章不存在或已下线' : res.message;
        this.notSaved = notSaved;
        this.saved = notSaved ? this.savedSpeeches(id) : [];
      });
      return;
    }
    const { read: outcome, ...view } = res.data;
    if (outcome && !outcome.ok && !isFinal(outcome.code)) this.deps.queue.enqueue(read);
    this.deps.cache.saveArticle(view);
    this.show(view, false);
    this.startReading(read);
  }

  /**
   * A share leaves with a new share id (or, for a poster, the one its code carries), recorded so that reads it brings
   * count as share-driven.
   */
  share(target: ShareTarget, shareId: string = newShareId(this.deps.sharePrefix())): string | null {
    const id = this.article?.id;
    if (!id) return null;
    this.deps.queue.enqueue({ type: 'share', eventId: newEventId(), articleId: id, shareId, target }, { urgent: true });
    return shareId;
  }

  scrolled(depth: number): void {
    this.session?.scrolled(depth);
  }

  pauseReading(): void {
    this.session?.pause();
  }

  resumeReading(): void {
    this.session?.resume();
  }

  tickReading(): void {
    this.session?.tick();
  }

  private startReading(read: ReadEvent, readSettled: Promise<void> = Promise.resolve()): void {
    this.session?.pause();
    this.session = new ReadingSession(read.articleId, read.eventId, (event) => {
      void readSettled.then(() => this.deps.queue.enqueue(event));
    });
  }

  private async recordCachedRead(read: ReadEvent): Promise<void> {
    const { type: _type, ...event } = read;
    const res = await this.deps.call('track', 'read', { ...event, anonId: this.deps.anonId() });
    if (res.ok) {
      if (this.requested?.id === read.articleId) this.setReadCount(res.data.readCount);
    } else if (!isFinal(res.code)) {
      this.deps.queue.enqueue(read);
    }
  }

  /** The phone has its network back: a speech that could not load (not saved, network down) loads now. */
  reconnected(): Promise<void> {
    return this.status === 'error' && !this.missing ? this.retry() : Promise.resolve();
  }

  private savedSpeeches(except: string): SavedSpeech[] {
    const saved: SavedSpeech[] = [];
    for (const id of this.deps.cache.savedIds()) {
      const view = id === except ? undefined : this.deps.cache.article(id)?.value;
      if (view) saved.push({ id: view.id, title: view.title, speakerName: view.speaker.name });
    }
    return saved;
  }

  retry(): Promise<void> {
    return this.requested ? this.load(this.requested.id, this.requested.query) : Promise.resolve();
  }

  setReadCount(readCount: number): void {
    this.readCountText = formatCount(readCount);
    if (this.article) this.deps.cache.updateReadCount(this.article.id, readCount);
  }

  setProgress(percent: number): void {
    const rounded = Math.min(100, Math.max(0, Math.round(percent)));
    if (rounded !== this.progress) this.progress = rounded;
  }

  /** Opened by a link or code that names no speech. */
  setMissing(): void {
    this.status = 'error';
    this.missing = true;
    this.errorMessage = '链接不完整，没有找到要打开的文章';
  }

  reset(): void {
    this.session?.pause();
    this.session = null;
    this.requested = null;
    this.view = null;
    this.status = 'loading';
    this.article = null;
    this.readCountText = '';
    this.offline = false;
    this.errorMessage = '';
    this.missing = false;
    this.notSaved = false;
    this.saved = [];
    this.progress = 0;
  }

  private show(view: ArticleView, offline: boolean): void {
    this.view = view;
    runInAction(() => {
      this.article = screenOf(view);
      this.readCountText = view.readCount === null ? '' : formatCount(view.readCount);
      this.status = 'ready';
      this.offline = offline;
      this.errorMessage = '';
      this.missing = false;
      this.notSaved = false;
      this.saved = [];
      this.progress = 0;
    });
  }
}
