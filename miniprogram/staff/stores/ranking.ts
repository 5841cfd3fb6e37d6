import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { ArticleRow, StatsSort } from '../../../typings/contract';
import type { LoadStatus } from '../../stores/installment';
import { chinaTime, formatFigure, formatRate, periodText } from '../utils/format';
import { ANONYMOUS_APART } from './figures';
import { Latest } from './latest';
import type { StatsDeps } from './overview';

export const SORTS: ReadonlyArray<{ value: StatsSort; label: string }> = [
  { value: 'pv', label: '阅读数' },
  { value: 'uv', label: '读者数' },
  { value: 'shares', label: '分享数' },
  { value: 'completionRate', label: '读完率' },
];

export interface RankRow {
  id: string;
  rank: number;
  title: string;
  speaker: string;
  /** The chosen figure, large. */
  value: string;
  /** The others, small. */
  detail: string;
}

const shownFigure = (row: ArticleRow, sort: StatsSort): string =>
  sort === 'completionRate' ? formatRate(row.completionRate) : formatFigure(row[sort]);

const detailOf = (row: ArticleRow): string =>
  [
    `阅读 ${formatFigure(row.pv)}`,
    `读者 ${formatFigure(row.uv)}`,
    `分享 ${formatFigure(row.shares)}`,
    `读完率 ${formatRate(row.completionRate)}`,
    ...(row.anonPv > 0 ? [`另有单页阅读 ${formatFigure(row.anonPv)}`] : []),
  ].join(' · ');

/** 排行: every speech by the chosen figure, highest first (the server ranks them). */
export class RankingStore {
  status: LoadStatus = 'loading';
  errorMessage = '';
  stale = false;
  sort: StatsSort = 'pv';
  rows: RankRow[] = [];
  periodText = '';
  asOfText = '';
  uvNote = '';
  anonNote = ANONYMOUS_APART;
  private readonly latest = new Latest();

  constructor(private readonly deps: StatsDeps) {
    makeAutoObservable<RankingStore, 'deps' | 'latest'>(this, { deps: false, latest: false });
  }

  setSort(sort: StatsSort): Promise<void> {
    this.sort = sort;
    return this.load();
  }

  async load(): Promise<void> {
    const { range } = this.deps.filters;
    const sort = this.sort;
    const seq = this.latest.next();
    if (this.rows.length === 0) this.status = 'loading';
    const res = await this.deps.call('stats', 'articles', { range, sort });
    if (!this.latest.is(seq)) return;
    runInAction(() => {
      if (!res.ok) {
        if (this.rows.length > 0) this.stale = true;
        else this.status = 'error';
        this.errorMessage = res.message;
        return;
      }
      const d = res.data;
      this.rows = d.items.map((row, i) => ({
        id: row.id,
        rank: i + 1,
        title: row.title,
        speaker: row.speaker,
        value: shownFigure(row, d.sort),
        detail: detailOf(row),
      }));
      this.periodText = periodText(d.period);
      this.asOfText = `截至 ${chinaTime(d.asOf)}`;
      this.uvNote = d.uvNote;
      this.anonNote = ANONYMOUS_APART;
      this.status = d.items.length === 0 ? 'empty' : 'ready';
      this.stale = false;
      this.errorMessage = '';
    });
  }
}
