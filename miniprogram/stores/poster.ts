import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { CloudClient } from '../services/cloud';
import { newShareId } from '../utils/ids';
import type { AlbumSave, AlbumState } from './album-save';

export type PosterStatus = 'making' | 'ready' | 'error';

/** What the poster sheet shows; null while it is closed. */
export interface PosterSheet {
  status: PosterStatus;
  /** The drawn poster (a temporary file). */
  image: string;
  message: string;
  /** Locally the code is a plain QR code standing in for WeChat's (本地替代). */
  standIn: boolean;
  album: AlbumState;
}

export interface PosterDeps {
  call: CloudClient['call'];
  /** The start of the reader's share ids, asking the server when it has not said yet; null without an openid. */
  sharePrefix: () => Promise<string | null>;
  /** Records the share the poster carries, the way shares to chats are (the article store's share path). */
  recordShare: (articleId: string, shareId: string) => void;
  download: (url: string) => Promise<string | null>;
  album: AlbumSave;
  read: (key: string) => unknown;
  write: (key: string, value: unknown) => void;
}

const KEY = 'esd.posterShares';
/**
 * Share ids asked for but whose poster was not made yet (the download or drawing failed, the sheet was closed): the
 * next try asks with the same id, so it gets the code already made instead of spending the reader's daily allowance.
 */
const PENDING_KEY = 'esd.posterPending';
/** Speeches whose poster share id is kept: the same poster again reuses its code (one WeChat request ever). */
const MAX_KEPT = 50;

/**
 * 生成海报: the speech's code for channel `poster` carrying the reader's own share id (`admin.poster.code`), drawn
 * into a poster (`draw`, by the page on its canvas) to preview and save. The share is recorded once the poster exists,
 * so reads through it count as share-driven; the share id is kept per speech, so making the poster again reuses the
 * code already made instead of asking WeChat (and the reader's daily allowance) for another.
 */
export class PosterStore {
  open = false;
  status: PosterStatus = 'making';
  image = '';
  message = '';
  standIn = false;
  private seq = 0;

  constructor(private readonly deps: PosterDeps) {
    makeAutoObservable<PosterStore, 'deps' | 'seq'>(this, { deps: false, seq: false });
  }

  get posterSheet(): PosterSheet | null {
    if (!this.open) return null;
    const { status, image, message, standIn } = this;
    return { status, image, message, standIn, album: this.deps.album.state };
  }

  async make(articleId: string, draw: (codeFile: string) => Promise<string | null>): Promise<void> {
    const seq = ++this.seq;
    this.open = true;
    this.status = 'making';
    this.image = '';
    this.message = '';
    this.deps.album.reset();
    const current = () => seq === this.seq;
    const prefix = await this.deps.sharePrefix();
    if (!current()) return;
    if (!prefix) return this.fail('暂时无法识别你的微信身份，请联网后再试');
    const kept = this.kept(KEY);
    const known = kept[articleId];
    const pending = this.kept(PENDING_KEY);
    const waiting = pending[articleId];
    const shareId = known?.startsWith(prefix) ? known : waiting?.startsWith(prefix) ? waiting : newShareId(prefix);
    if (shareId !== known && shareId !== waiting) {
      const ids = Object.entries({ ...pending, [articleId]: shareId }).slice(-MAX_KEPT);
      this.deps.write(PENDING_KEY, Object.fromEntries(ids));
    }
    const res = await this.deps.call('admin', 'poster.code', { articleId, shareId });
    if (!current()) return;
    if (!res.ok) return this.fail(res.message);
    const code = await this.deps.download(res.data.image);
    if (!current()) return;
    if (!code) return this.fail('小程序码没有下载下来，请检查网络后重试');
    const image = await draw(code);
    if (!current()) return;
    if (!image) return this.fail('海报没有画出来，请重试');
    if (shareId !== known) {
      this.deps.recordShare(articleId, shareId);
      const ids = Object.entries({ ...kept, [articleId]: shareId }).slice(-MAX_KEPT);
      this.deps.write(KEY, Object.fromEntries(ids));
      const { [articleId]: _done, ...still } = this.kept(PENDING_KEY);
      this.deps.write(PENDING_KEY, still);
    }
    runInAction(() => {
      this.status = 'ready';
      this.image = image;
      this.standIn = res.data.standIn;
    });
  }

  save(): Promise<void> {
    return this.image ? this.deps.album.save(this.image) : Promise.resolve();
  }

  openSettings(): Promise<void> {
    return this.image ? this.deps.album.openSettings(this.image) : Promise.resolve();
  }

  close(): void {
    this.seq++;
    this.open = false;
    this.image = '';
    this.deps.album.reset();
  }

  private kept(key: string): Record<string, string> {
    const value = this.deps.read(key);
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  }

  private fail(message: string): void {
    runInAction(() => {
      this.status = 'error';
      this.message = message;
    });
  }
}
