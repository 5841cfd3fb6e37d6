import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { SaveOutcome } from '../services/album';

/**
 * idle; saving; saved; denied: the album was refused, the page shows how to allow it in 设置; system, privacy: refused
 * by the phone or for want of agreeing to the privacy terms, the page says where to allow it; failed.
 */
export type AlbumState = 'idle' | 'saving' | 'saved' | 'denied' | 'system' | 'privacy' | 'failed';

export interface AlbumDeps {
  save: (filePath: string) => Promise<SaveOutcome>;
  /** wx.openSetting (from a tap): true when the album is allowed on return. */
  openSetting: () => Promise<boolean>;
}

/**
 * Saving one image to the album, for the page that shows it (a poster, a channel's code): what became of the last
 * try, and the way back after a refusal — WeChat asks only once, after that only its settings page can allow it.
 */
export class AlbumSave {
  state: AlbumState = 'idle';

  constructor(private readonly deps: AlbumDeps) {
    makeAutoObservable<AlbumSave, 'deps'>(this, { deps: false });
  }

  async save(filePath: string): Promise<void> {
    this.state = 'saving';
    const outcome = await this.deps.save(filePath);
    runInAction(() => {
      this.state = outcome === 'cancelled' ? 'idle' : outcome;
    });
  }

  /** The 去设置 button: WeChat's settings page; allowed there, the image is saved at once. */
  async openSettings(filePath: string): Promise<void> {
    const allowed = await this.deps.openSetting();
    if (allowed) await this.save(filePath);
  }

  reset(): void {
    this.state = 'idle';
  }
}
