import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { CloudClient } from '../../services/cloud';
import type { LoadStatus } from '../../stores/installment';
import type { ChartSpec } from '../utils/chart-options';
import { chinaTime, periodText } from '../utils/format';
import { anonymousNote, type FigureCard, figureCards, trendSpec } from './figures';
import type { StaffFilters } from './filters';
import { Latest } from './latest';

export interface StatsDeps {
  call: CloudClient['call'];
  filters: StaffFilters;
}

/** 概览: the site's figures for the chosen range, each against the period before, and the daily trend. */
export class OverviewStore {
  status: LoadStatus = 'loading';
  errorMessage = '';
  /** A refresh failed: the figures shown are the last ones that arrived. */
  stale = false;
  cards: FigureCard[] = [];
  periodText = '';
  asOfText = '';
  anonNote = '';
  trend: ChartSpec | null = null;
  trendTitle = '';
  private readonly latest = new Latest();

  constructor(private readonly deps: StatsDeps) {
    makeAutoObservable<OverviewStore, 'deps' | 'latest'>(this, { deps: false, latest: false });
  }

  async load(): Promise<void> {
    const range = this.deps.filters.range;
    const seq = this.latest.next();
    if (this.cards.length === 0) this.status = 'loading';
    const res = await this.deps.call('stats', 'overview', { range });
    if (!this.latest.is(seq)) return;
    runInAction(() => {
      if (!res.ok) {
        if (this.cards.length > 0) this.stale = true;
        else this.status = 'error';
        this.errorMessage = res.message;
        return;
      }
      const d = res.data;
      this.cards = figureCards(d.totals, d.previous, d.range, d.uvNote);
      this.periodText = periodText(d.period);
      this.asOfText = `截至 ${chinaTime(d.asOf)}`;
      this.anonNote = anonymousNote(d.totals);
      this.trend = trendSpec(d.series);
      this.trendTitle = d.range === 'all' ? '近30天每日阅读' : '每日阅读';
      this.status = 'ready';
      this.stale = false;
      this.errorMessage = '';
    });
  }
}
