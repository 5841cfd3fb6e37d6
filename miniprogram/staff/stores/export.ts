import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { CloudClient } from '../../services/cloud';
import { chinaDateTime, formatFigure } from '../utils/format';
import type { StaffFilters } from './filters';
import { Latest } from './latest';

export type ExportStatus = 'idle' | 'making' | 'ready' | 'error';

export interface ExportFile {
  url: string;
  fileName: string;
  rowsText: string;
  expiresText: string;
}

export interface ExportDeps {
  call: CloudClient['call'];
  filters: StaffFilters;
  copy: (text: string) => Promise<boolean>;
}

/**
 * 导出: the CSV of the chosen range (a row per speech × channel, and each speech's total), made by `stats.export`.
 * WeChat cannot open a CSV (wx.openDocument takes doc/docx/xls/xlsx/ppt/pptx/pdf only), so its link is copied for a
 * computer's browser.
 */
export class ExportStore {
  status: ExportStatus = 'idle';
  errorMessage = '';
  file: ExportFile | null = null;
  copied = false;
  private readonly latest = new Latest();

  constructor(private readonly deps: ExportDeps) {
    makeAutoObservable<ExportStore, 'deps' | 'latest'>(this, { deps: false, latest: false });
  }

  async make(): Promise<void> {
    const seq = this.latest.next();
    this.status = 'making';
    this.file = null;
    this.copied = false;
    const res = await this.deps.call('stats', 'export', { range: this.deps.filters.range });
    if (!this.latest.is(seq)) return;
    runInAction(() => {
      if (!res.ok) {
        this.status = 'error';
        this.errorMessage = res.message;
        return;
      }
      const d = res.data;
      this.file = {
        url: d.url,
        fileName: d.fileName,
        rowsText: `共 ${formatFigure(d.rows)} 行数据`,
        expiresText: `链接 ${chinaDateTime(d.expiresAt)} 前有效`,
      };
      this.status = 'ready';
      this.errorMessage = '';
    });
  }

  async copyLink(): Promise<void> {
    const url = this.file?.url;
    if (!url) return;
    const copied = await this.deps.copy(url);
    runInAction(() => {
      this.copied = copied;
    });
  }

  /** Another range: the file made before is not of it. */
  reset(): void {
    this.latest.next();
    this.status = 'idle';
    this.errorMessage = '';
    this.file = null;
    this.copied = false;
  }
}
