import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { CloudClient } from '../../services/cloud';
import type { AlbumSave } from '../../stores/album-save';
import type { LoadStatus } from '../../stores/installment';
import { MATRIX_CHANNELS } from '../../utils/contract.generated';
import { chinaDateTime } from '../utils/format';
import { Latest } from './latest';

export interface SpeechChoice {
  id: string;
  title: string;
  speaker: string;
}

export interface IssueSpeeches {
  id: string;
  title: string;
  speeches: SpeechChoice[];
}

export interface ChannelCode {
  articleId: string;
  title: string;
  /** The code image's link (PNG). */
  image: string;
  /** A plain link to the speech and channel, for 公众号 menus and articles. */
  path: string;
  /** Locally a standard QR code stands in for WeChat's mini-program code (本地替代). */
  standIn: boolean;
  expiresText: string;
}

export type CodeStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface ChannelCodeDeps {
  call: CloudClient['call'];
  download: (url: string) => Promise<string | null>;
  copy: (text: string) => Promise<boolean>;
  album: AlbumSave;
}

/** A Set, not Object.hasOwn, which older iOS WeChat lacks. */
const MATRIX_CODES: ReadonlySet<string> = new Set(Object.keys(MATRIX_CHANNELS));
const isMatrix = (code: string): code is keyof typeof MATRIX_CHANNELS => MATRIX_CODES.has(code);

/**
 * A channel's codes (渠道 → a channel): choose a speech, see its code large (`admin.code.get`: made once, then the
 * stored one), save it to the album (downloaded first: the album takes local files only), copy its path or the image
 * link for a computer. A staff-made channel can be retired here.
 */
export class ChannelCodeStore {
  status: LoadStatus = 'loading';
  errorMessage = '';
  channel = '';
  channelName = '';
  channelSub = '';
  /** Made by staff (so it can be retired), not a node of the matrix. */
  custom = false;
  retired = false;
  issues: IssueSpeeches[] = [];
  codeStatus: CodeStatus = 'idle';
  code: ChannelCode | null = null;
  codeMessage = '';
  /** Why 停用 did not go through (shown by the button, whether or not a code is open). */
  retireMessage = '';
  /** What was just copied: 'path', 'image' or nothing. */
  copied = '';
  private file: { url: string; path: string } | null = null;
  private readonly latest = new Latest();
  private readonly choosing = new Latest();

  constructor(private readonly deps: ChannelCodeDeps) {
    makeAutoObservable<ChannelCodeStore, 'deps' | 'file' | 'latest' | 'choosing'>(this, {
      deps: false,
      file: false,
      latest: false,
      choosing: false,
    });
  }

  get album(): string {
    return this.deps.album.state;
  }

  async load(channel: string): Promise<void> {
    this.reset();
    const seq = this.latest.next();
    this.channel = channel;
    const [made, list] = await Promise.all([
      isMatrix(channel) ? null : this.deps.call('admin', 'channel.list', {}),
      this.deps.call('content', 'installment.list', {}),
    ]);
    if (!this.latest.is(seq)) return;
    if (made && !made.ok) return this.fail(made.message);
    if (!list.ok) return this.fail(list.message);
    const own = made?.data.items.find((c) => c.code === channel);
    if (made && !own) return this.fail(`没有渠道 ${channel}`);
    const views = await Promise.all(
      list.data.items.map((i) => this.deps.call('content', 'installment.get', { id: i.id })),
    );
    if (!this.latest.is(seq)) return;
    const failed = views.find((v) => !v.ok);
    if (failed && !failed.ok) return this.fail(failed.message);
    runInAction(() => {
      if (own) {
        this.channelName = own.name;
        this.channelSub = `属于${MATRIX_CHANNELS[own.type]} · 渠道代码 ${own.code}${own.retired ? ' · 已停用' : ''}`;
        this.custom = true;
        this.retired = own.retired;
      } else {
        this.channelName = isMatrix(channel) ? MATRIX_CHANNELS[channel] : channel;
        this.channelSub = `融媒体矩阵 · 渠道代码 ${channel}`;
      }
      this.issues = views.flatMap((v) =>
        v.ok
          ? [
              {
                id: v.data.id,
                title: `${v.data.title}${v.data.subtitle}`,
                speeches: v.data.articles.map((a) => ({ id: a.id, title: a.title, speaker: a.speaker.name })),
              },
            ]
          : [],
      );
      this.status = 'ready';
    });
  }

  async choose(articleId: string): Promise<void> {
    const seq = this.choosing.next();
    const title = this.issues.flatMap((i) => i.speeches).find((s) => s.id === articleId)?.title ?? '';
    this.codeStatus = 'loading';
    this.code = null;
    this.codeMessage = '';
    this.copied = '';
    this.deps.album.reset();
    const res = await this.deps.call('admin', 'code.get', { articleId, channel: this.channel });
    if (!this.choosing.is(seq)) return;
    runInAction(() => {
      if (!res.ok) {
        this.codeStatus = 'error';
        this.codeMessage = res.message;
        return;
      }
      const d = res.data;
      this.code = {
        articleId,
        title,
        image: d.image,
        path: d.path,
        standIn: d.standIn,
        expiresText: `图片链接 ${chinaDateTime(d.imageExpiresAt)} 前有效，过期后回到这里再取`,
      };
      this.codeStatus = 'ready';
    });
  }

  /** 保存到相册: the album takes local files, so the image is downloaded first (once). */
  async save(): Promise<void> {
    const path = await this.localFile();
    if (path) await this.deps.album.save(path);
  }

  /** 去设置 (from a tap): WeChat's settings page; allowed there, the code is saved at once. */
  async openSettings(): Promise<void> {
    const path = this.file?.path;
    if (path) await this.deps.album.openSettings(path);
  }

  async copyPath(): Promise<void> {
    if (this.code) await this.copy(this.code.path, 'path');
  }

  async copyImage(): Promise<void> {
    if (this.code) await this.copy(this.code.image, 'image');
  }

  /** 停用: printed codes keep counting under the channel; it gets no new codes. */
  async retire(): Promise<void> {
    this.retireMessage = '';
    const res = await this.deps.call('admin', 'channel.retire', { code: this.channel });
    if (!res.ok) {
      runInAction(() => {
        this.retireMessage = `没有停用：${res.message}`;
      });
      return;
    }
    await this.load(this.channel);
  }

  reset(): void {
    this.latest.next();
    this.choosing.next();
    this.status = 'loading';
    this.errorMessage = '';
    this.channelName = '';
    this.channelSub = '';
    this.custom = false;
    this.retired = false;
    this.issues = [];
    this.codeStatus = 'idle';
    this.code = null;
    this.codeMessage = '';
    this.retireMessage = '';
    this.copied = '';
    this.file = null;
    this.deps.album.reset();
  }

  private async localFile(): Promise<string | null> {
    const url = this.code?.image;
    if (!url) return null;
    if (this.file?.url === url) return this.file.path;
    const path = await this.deps.download(url);
    if (!path) {
      runInAction(() => {
        this.codeMessage = '图片没有下载下来，请检查网络后重试，或复制图片链接在电脑上打开';
      });
      return null;
    }
    this.file = { url, path };
    return path;
  }

  private async copy(text: string, what: string): Promise<void> {
    const copied = await this.deps.copy(text);
    runInAction(() => {
      this.copied = copied ? what : '';
    });
  }

  private fail(message: string): void {
    runInAction(() => {
      this.status = 'error';
      this.errorMessage = message;
    });
  }
}
