import type { ArticleView, InstallmentView } from '../../typings/contract';
import { readItem, removeItem, writeItem } from '../services/storage';

/** Bump when the cached shapes change: older entries are then ignored and purged. */
export const CACHE_VERSION = 1;
const PREFIX = `esd.v${CACHE_VERSION}.`;
const INSTALLMENT_KEY = `${PREFIX}installment`;
const INDEX_KEY = `${PREFIX}articles`;
const articleKey = (id: string) => `${PREFIX}article.${id}`;

/** Enough for every speech a reader opens in a long while; each is a few KB, storage allows 10 MB. */
export const MAX_CACHED_ARTICLES = 30;

export interface Stamped<T> {
  savedAt: number;
  value: T;
}

/**
 * The last installment and the articles a reader opened, kept in storage so they open with no
 * network. Articles are evicted least recently opened first.
 */
export const contentCache = {
  installment(): InstallmentView | undefined {
    return readItem<Stamped<InstallmentView>>(INSTALLMENT_KEY)?.value;
  },

  saveInstallment(view: InstallmentView, now = Date.now()): void {
    writeItem(INSTALLMENT_KEY, { savedAt: now, value: view });
  },

  /** The cached speech with when it was saved, so the caller can judge its freshness. */
  article(id: string): Stamped<ArticleView> | undefined {
    return readItem<Stamped<ArticleView>>(articleKey(id));
  },

  saveArticle(view: ArticleView, now = Date.now()): void {
    if (writeItem(articleKey(view.id), { savedAt: now, value: view })) contentCache.touch(view.id);
  },

  /** The speeches kept on the phone (readable offline), most recently opened first. */
  savedIds(): string[] {
    return readItem<string[]>(INDEX_KEY) ?? [];
  },

  /** Marks a speech as just opened; the least recently opened go first when the cache is full. */
  touch(id: string): void {
    const ids = [id, ...(readItem<string[]>(INDEX_KEY) ?? []).filter((other) => other !== id)];
    for (const evicted of ids.splice(MAX_CACHED_ARTICLES)) removeItem(articleKey(evicted));
    writeItem(INDEX_KEY, ids);
  },

  /** Updates the read count kept with a cached article, so an offline open shows the last known number. */
  updateReadCount(id: string, readCount: number): void {
    const stamped = readItem<Stamped<ArticleView>>(articleKey(id));
    if (stamped) writeItem(articleKey(id), { ...stamped, value: { ...stamped.value, readCount } });
  },

  /** Drops entries written by other cache versions. */
  purgeOtherVersions(): void {
    try {
      for (const key of wx.getStorageInfoSync().keys) {
        if (key.startsWith('esd.v') && !key.startsWith(PREFIX)) removeItem(key);
      }
    } catch {
      // storage info is best effort
    }
  },
};

export type ContentCache = typeof contentCache;
