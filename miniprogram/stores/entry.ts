import { makeAutoObservable } from 'mobx-miniprogram';
import type { Attribution } from '../../typings/contract';
import { attributionOf, type EnterInfo, isSinglePage, targetOf } from '../utils/entry';

/** How the reader came in this time; every warm start replaces it (App.onShow). */
export class EntryStore {
  enter: EnterInfo = {};

  constructor() {
    makeAutoObservable(this);
  }

  get singlePage(): boolean {
    return isSinglePage(this.enter);
  }

  update(enter: EnterInfo): void {
    this.enter = enter;
  }

  /**
   * Attribution for a read of `articleId` opened with `pageQuery`: the link's channel and share id
   * count only for the speech they name; the scene counts for every speech read in this visit.
   */
  attributionFor(articleId: string, pageQuery: Record<string, string | undefined> = {}): Attribution {
    const attribution = attributionOf(this.enter, pageQuery);
    // Only the entry's own link names a speech: the page query of a speech reached inside the app always
    // carries its id, and must not inherit the entry's channel and share.
    const named = targetOf(this.enter.query ?? {}).articleId;
    return named === articleId ? attribution : { ...attribution, ch: null, s: null };
  }
}
