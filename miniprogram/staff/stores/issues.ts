import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { InstallmentAdminInfo } from '../../../typings/contract';
import type { CloudClient } from '../../services/cloud';
import type { LoadStatus } from '../../stores/installment';
import { formatDate } from '../../utils/format';
import { Latest } from './latest';

export interface IssueLine {
  id: string;
  title: string;
  subtitle: string;
  /** 2022年11月8日, or 未设置出版日期. */
  dateText: string;
  /** What the date field starts with: the date set, or empty. */
  date: string;
  online: boolean;
  stateText: string;
}

const lineOf = (i: InstallmentAdminInfo): IssueLine => ({
  id: i.id,
  title: `第${i.number}期 · ${i.title}`,
  subtitle: `${i.subtitle}（${i.articleCount} 篇）`,
  dateText: i.publishedAt ? formatDate(i.publishedAt) : '未设置出版日期',
  date: i.publishedAt ?? '',
  online: i.online,
  stateText: i.online ? '已上线' : '已下线：读者看不到，阅读不计数；计数保留',
});

const DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

/** '2022-11-8', '2022/11/08' or '2022.11.08' → '2022-11-08'; null for anything that is not a date. */
export function isoDate(text: string): string | null {
  const m = DATE.exec(
    text
      .trim()
      .replace(/[/.年月]/g, '-')
      .replace(/日$/, ''),
  );
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) return null;
  return at.toISOString().slice(0, 10);
}

/** 期次 (administrators): each installment's publication date, and taking it offline or back online. */
export class IssuesStore {
  status: LoadStatus = 'loading';
  errorMessage = '';
  issues: IssueLine[] = [];
  /** The date typed for each installment, by id, until it is saved. */
  drafts: Record<string, string> = {};
  /** What the last change said, and of which installment. */
  message = '';
  messageFor = '';
  private readonly latest = new Latest();

  constructor(private readonly deps: { call: CloudClient['call'] }) {
    makeAutoObservable<IssuesStore, 'deps' | 'latest'>(this, { deps: false, latest: false });
  }

  async load(): Promise<void> {
    const seq = this.latest.next();
    if (this.issues.length === 0) this.status = 'loading';
    const res = await this.deps.call('admin', 'installment.list', {});
    if (!this.latest.is(seq)) return;
    runInAction(() => {
      if (!res.ok) {
        this.status = 'error';
        this.errorMessage = res.message;
        return;
      }
      this.issues = res.data.items.map(lineOf);
      this.drafts = Object.fromEntries(this.issues.map((i) => [i.id, i.date]));
      this.status = 'ready';
    });
  }

  setDraft(id: string, text: string): void {
    this.drafts = { ...this.drafts, [id]: text };
  }

  /** Saves the date typed (empty clears it). */
  async saveDate(id: string): Promise<void> {
    const text = (this.drafts[id] ?? '').trim();
    const publishedAt = text === '' ? null : isoDate(text);
    if (text !== '' && publishedAt === null) return this.say(id, '日期请写成 2022-11-08 这样');
    const res = await this.deps.call('admin', 'installment.setDate', { id, publishedAt });
    if (!res.ok) return this.say(id, res.message);
    this.replace(res.data, publishedAt ? `出版日期已设为 ${formatDate(publishedAt)}` : '出版日期已清除');
  }

  async setOnline(id: string, online: boolean): Promise<void> {
    const res = await this.deps.call('admin', online ? 'installment.republish' : 'installment.unpublish', { id });
    if (!res.ok) return this.say(id, res.message);
    this.replace(res.data, online ? '已重新上线，读者又能看到这一期' : '已下线，读者看不到这一期了');
  }

  private replace(info: InstallmentAdminInfo, message: string): void {
    runInAction(() => {
      const line = lineOf(info);
      this.issues = this.issues.map((i) => (i.id === info.id ? line : i));
      this.drafts = { ...this.drafts, [info.id]: line.date };
      this.message = message;
      this.messageFor = info.id;
    });
  }

  private say(id: string, message: string): void {
    runInAction(() => {
      this.message = message;
      this.messageFor = id;
    });
  }
}
