import { call } from '../services/cloud';
import { isOffline, whenOnline } from '../services/system';
import { ArticleStore } from './article';
import { contentCache } from './content-cache';
import { EntryStore } from './entry';
import { installId } from './install-id';
import { InstallmentStore } from './installment';
import { SearchStore } from './search';
import { SettingsStore } from './settings';
import { TrackQueue } from './track-queue';

/** The app's stores, created once and wired to the real services. Pages import from here. */
export const settings = new SettingsStore();
export const entry = new EntryStore();
export const installment = new InstallmentStore({ call, cache: contentCache });
export const queue = new TrackQueue({
  call,
  anonId: installId,
  schedule: (fn, ms) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
});
export const article = new ArticleStore({
  call,
  cache: contentCache,
  entry,
  isOffline,
  queue,
  anonId: installId,
});
whenOnline(() => queue.wake());
export const search = new SearchStore({ call });
