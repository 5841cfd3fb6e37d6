import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { InstallmentListItem, InstallmentView } from '../../typings/contract';
import type { CloudClient } from '../services/cloud';
import { formatCount, formatDate, formatMinutes } from '../utils/format';
import type { ContentCache } from './content-cache';

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

export interface SpeechCard {
  id: string;
  title: string;
  speakerName: string;
  positions: string;
  excerpt: string;
  minutesText: string;
  countText: string;
  truncated: boolean;
  /** Kept on the phone, so it opens with no network: the card says 已存离线 when the page is offline. */
  saved: boolean;
}

export interface InstallmentHeader {
  id: string;
  title: string;
  subtitle: string;
  /** The date staff set (2022年11月8日), else empty. */
  dateText: string;
  noteTitle: string;
  note: string[];
}

/** An earlier installment in the home page's 往期 list. */
export interface PastItem {
  id: string;
  title: string;
  subtitle: string;
  dateText: string;
}

const dateOf = (publishedAt: string | null): string => (publishedAt ? formatDate(publishedAt) : '');

const pastOf = (i: InstallmentListItem): PastItem => ({
  id: i.id,
  title: i.title,
  subtitle: i.subtitle,
  dateText: dateOf(i.publishedAt),
});

const cardOf = (a: InstallmentView['articles'][number], saved: ReadonlySet<string>): SpeechCard => ({
  id: a.id,
  title: a.title,
  speakerName: a.speaker.name,
  positions: a.speaker.positions.join('、'),
  excerpt: a.excerpt,
  minutesText: formatMinutes(a.readingMinutes),
  countText: formatCount(a.readCount),
  truncated: a.truncated,
  saved: saved.has(a.id),
});

const headerOf = (v: InstallmentView): InstallmentHeader => ({
  id: v.id,
  title: v.title,
  subtitle: v.subtitle,
  dateText: dateOf(v.publishedAt),
  noteTitle: v.editorsNote?.title ?? '',
  note: v.editorsNote?.blocks.map((b) => b.text) ?? [],
});

export interface InstallmentDeps {
  call: CloudClient['call'];
  cache: ContentCache;
}

/**
 * An installment page: the newest installment's header, editor's note and speech cards, with the earlier ones in
 * 往期 (once there is more than one); or, opened from 往期, an earlier installment. One store serves the page shown:
 * each load says which installment it wants, and only the latest load's answer is shown.
 */
export class InstallmentStore {
  status: LoadStatus = 'loading';
  header: InstallmentHeader | null = null;
  cards: SpeechCard[] = [];
  /** The other published installments, newest first: only on the newest one's page. */
  past: PastItem[] = [];
  /** Showing content kept from an earlier visit because the network failed. */
  offline = false;
  errorMessage = '';
  noteExpanded = false;
  private seq = 0;
  /** The installment the page last asked for (undefined: the newest): what a reconnect loads again. */
  private wanted: string | undefined = undefined;
  /** The newest installment's page as last shown from the server, 往期 included: coming back from 往期 shows it. */
  private newest: { view: InstallmentView; past: PastItem[] } | null = null;

  constructor(private readonly deps: InstallmentDeps) {
    makeAutoObservable<InstallmentStore, 'deps' | 'seq' | 'newest' | 'wanted'>(this, {
      deps: false,
      seq: false,
      newest: false,
      wanted: false,
    });
  }

  toggleNote(): void {
    this.noteExpanded = !this.noteExpanded;
  }

  /**
   * The newest installment (no `id`), shown from the cache at once if there is one, then the server's; or the
   * installment `id`. A failure keeps what is shown when it is the installment asked for.
   */
  async load(id?: string): Promise<void> {
    const seq = ++this.seq;
    this.wanted = id;
    const cached = this.deps.cache.installment();
    if (this.header && id !== undefined && this.header.id !== id) this.clear();
    if (this.header && id === undefined && cached && this.header.id !== cached.id) this.clear();
    if (!this.header) {
      if (id === undefined && this.newest) this.show(this.newest.view, this.newest.past, false);
      else if (cached && (id === undefined || id === cached.id)) this.show(cached, [], false);
      else this.status = 'loading';
    }
    const list = await this.deps.call('content', 'installment.list', {});
    if (seq !== this.seq) return;
    if (!list.ok) return this.fail(list.message);
    const { items } = list.data;
    const wanted = id === undefined ? items[0] : items.find((i) => i.id === id);
    if (!wanted) {
      runInAction(() => {
        this.clear();
        if (id === undefined) this.status = 'empty';
        else {
          this.status = 'error';
          this.errorMessage = '这一期不存在或已下线';
        }
      });
      return;
    }
    const view = await this.deps.call('content', 'installment.get', { id: wanted.id });
    if (seq !== this.seq) return;
    if (!view.ok) return this.fail(view.message);
    const newest = wanted === items[0];
    if (newest) this.deps.cache.saveInstallment(view.data);
    const past = id === undefined ? items.slice(1).map(pastOf) : [];
    if (id === undefined) this.newest = { view: view.data, past };
    this.show(view.data, past, false);
  }

  /**
   * The phone has its network back: what was shown offline (or could not load) is loaded again, so the offline notice
   * goes without the reader having to pull down.
   */
  reconnected(): Promise<void> {
    return this.offline || this.status === 'error' ? this.load(this.wanted) : Promise.resolve();
  }

  private clear(): void {
    this.header = null;
    this.cards = [];
    this.past = [];
    this.offline = false;
    this.noteExpanded = false;
    this.status = 'loading';
  }

  private show(view: InstallmentView, past: PastItem[], offline: boolean): void {
    runInAction(() => {
      this.header = headerOf(view);
      const saved = new Set(this.deps.cache.savedIds());
      this.cards = view.articles.map((a) => cardOf(a, saved));
      this.past = past;
      this.status = 'ready';
      this.offline = offline;
      this.errorMessage = '';
    });
  }

  private fail(message: string): void {
    runInAction(() => {
      if (this.header) this.offline = true;
      else {
        this.status = 'error';
        this.errorMessage = message;
      }
    });
  }
}
