import { downloadFile, openAlbumSetting, saveToAlbum } from '../services/album';
import { call } from '../services/cloud';
import { readItem, writeItem } from '../services/storage';
import { isOffline, whenOnline } from '../services/system';
import { AlbumSave } from './album-save';
import { ArticleStore } from './article';
import { contentCache } from './content-cache';
import { EntryStore } from './entry';
import { IdentityStore } from './identity';
import { installId } from './install-id';
import { InstallmentStore } from './installment';
import { PosterStore } from './poster';
import { SearchStore } from './search';
import { SettingsStore } from './settings';
import { ShareCards } from './share-cards';
import { TrackQueue } from './track-queue';

/**
 * The app's stores, created once and wired to the real services. Pages import from here. Only what readers need: the
 * staff pages' stores live in their subpackage (miniprogram/staff/stores/), which readers never download.
 */
export const settings = new SettingsStore();
export const entry = new EntryStore();
export const identity = new IdentityStore({ call, read: readItem, write: writeItem });
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
  sharePrefix: () => identity.sharePrefix,
});
// The network is back: deliver what the queue kept, and load again what was shown offline or could not load.
whenOnline(() => {
  queue.wake();
  void installment.reconnected();
  void article.reconnected();
});
export const search = new SearchStore({ call });
export const shareCards = new ShareCards();
export const poster = new PosterStore({
  call,
  sharePrefix: () => identity.ensureSharePrefix(),
  recordShare: (articleId, shareId) => {
    if (article.articleId === articleId) article.share('poster', shareId);
  },
  download: downloadFile,
  album: new AlbumSave({ save: saveToAlbum, openSetting: openAlbumSetting }),
  read: readItem,
  write: writeItem,
});
