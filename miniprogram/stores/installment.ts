import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { InstallmentView } from '../../typings/contract';
import type { CloudClient } from '../services/cloud';
import { formatCount, formatMinutes } from '../utils/format';
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
}

export interface InstallmentHeader {
  id: string;
  title: string;
  subtitle: string;
  noteTitle: string;
  note: string[];
}

const cardOf = (a: InstallmentView['articles'][number]): SpeechCard => ({
  id: a.id,
  title: a.title,
  speakerName: a.speaker.name,
  positions: a.speaker.positions.join('、'),
  excerpt: a.excerpt,
  minutesText: formatMinutes(a.readingMinutes),
  countText: formatCount(a.readCount),
  truncated: a.truncated,
});

const headerOf = (v: InstallmentView): InstallmentHeader => ({
  id: v.id,
  title: v.title,
  subtitle: v.subtitle,
  noteTitle: v.editorsNote?.title ?? '',
  note: v.editorsNote?.blocks.map((b) => b.text) ?? [],
});

export interface InstallmentDeps {
  call: CloudClient['call'];
  cache: ContentCache;
}

/** The home page: the newest installment's header, editor's note and speech cards. */
export class InstallmentStore {
  status: LoadStatus = 'loading';
  header: InstallmentHeader | null = null;
  cards: SpeechCard[] = [];
  /** Showing content kept from an earlier visit because the network failed. */
  offline = false;
  errorMessage = '';
  noteExpanded = false;

  constructor(private readonly deps: InstallmentDeps) {
    makeAutoObservable<InstallmentStore, 'deps'>(this, { deps: false });
  }

  toggleNote(): void {
    this.noteExpanded = !this.noteExpanded;
  }

  /** Shows the cached installment at once (if any), then the server's; a failure keeps what is shown. */
  async load(): Promise<void> {
    if (!this.header) {
      const cached = this.deps.cache.installment();
      if (cached) this.show(cached, false);
      else this.status = 'loading';
    }
    const list = await this.deps.call('content', 'installment.list', {});
    if (!list.ok) return this.fail(list.message);
    const newest = list.data.items[0];
    if (!newest) {
      runInAction(() => {
        this.status = 'empty';
        this.header = null;
        this.cards = [];
        this.offline = false;
      });
      return;
    }
    const view = await this.deps.call('content', 'installment.get', { id: newest.id });
    if (!view.ok) return this.fail(view.message);
    this.deps.cache.saveInstallment(view.data);
    this.show(view.data, false);
  }

  private show(view: InstallmentView, offline: boolean): void {
    runInAction(() => {
      this.header = headerOf(view);
      this.cards = view.articles.map(cardOf);
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
