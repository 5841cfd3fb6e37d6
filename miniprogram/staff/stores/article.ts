import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { ArticleData, ChannelRow } from '../../../typings/contract';
import type { LoadStatus } from '../../stores/installment';
import type { ChartSpec } from '../utils/chart-options';
import { chinaTime, formatFigure, formatRate, periodText } from '../utils/format';
import { anonymousNote, type FigureCard, figureCards, trendSpec } from './figures';
import { Latest } from './latest';
import type { StatsDeps } from './overview';

export interface FunnelStep {
  label: string;
  value: string;
  /** Against the step before: "每次分享带来 1.5 次阅读", "20% 的经分享阅读又分享了". */
  ratio: string;
  /** 0…100: the bar's width against the largest step. */
  width: number;
}

/** A speech's channels that brought reads, most first: the bar chart's rows (a speech may have a dozen). */
export function channelBars(channels: ChannelRow[]): ChartSpec | null {
  const used = channels.filter((c) => c.pv > 0 || c.anonPv > 0).sort((a, b) => b.pv - a.pv);
  if (used.length === 0) return null;
  return {
    type: 'bar',
    categories: used.map((c) => c.label),
    series: [
      { name: '阅读数', data: used.map((c) => c.pv) },
      { name: '读者数', data: used.map((c) => c.uv) },
    ],
  };
}

/** 分享 → 经分享阅读 → 再分享, each with how it follows from the step before. */
export function funnelSteps({ shares, shareReads, reshares }: ArticleData['funnel']): FunnelStep[] {
  const top = Math.max(shares, shareReads, reshares, 1);
  const width = (n: number) => Math.round((n / top) * 100);
  const perShare = shares > 0 ? `每次分享带来 ${Math.round((shareReads / shares) * 10) / 10} 次阅读` : '';
  const reshared = shareReads > 0 ? `${formatRate(reshares / shareReads)} 的经分享阅读又分享出去` : '';
  return [
    { label: '分享', value: formatFigure(shares), ratio: '', width: width(shares) },
    { label: '经分享阅读', value: formatFigure(shareReads), ratio: perShare, width: width(shareReads) },
    { label: '再分享', value: formatFigure(reshares), ratio: reshared, width: width(reshares) },
  ];
}

export interface ArticleHead {
  id: string;
  title: string;
  speaker: string;
}

/** A speech's detail: its figures, daily trend, channels, share funnel and completion. */
export class ArticleStatsStore {
  status: LoadStatus = 'loading';
  errorMessage = '';
  stale = false;
  article: ArticleHead | null = null;
  cards: FigureCard[] = [];
  periodText = '';
  asOfText = '';
  anonNote = '';
  trend: ChartSpec | null = null;
  channels: ChartSpec | null = null;
  /** The channel bars' height in rpx: a row per channel. */
  channelsHeight = 0;
  funnel: FunnelStep[] = [];
  completionText = '';
  private id: string | null = null;
  private readonly latest = new Latest();

  constructor(private readonly deps: StatsDeps) {
    makeAutoObservable<ArticleStatsStore, 'deps' | 'latest' | 'id'>(this, { deps: false, latest: false, id: false });
  }

  open(id: string): Promise<void> {
    if (id !== this.id) this.reset();
    this.id = id;
    return this.load();
  }

  async load(): Promise<void> {
    const id = this.id;
    if (id === null) return;
    const { range } = this.deps.filters;
    const seq = this.latest.next();
    if (!this.article) this.status = 'loading';
    const res = await this.deps.call('stats', 'article', { id, range });
    if (!this.latest.is(seq)) return;
    runInAction(() => {
      if (!res.ok) {
        if (this.article) this.stale = true;
        else this.status = 'error';
        this.errorMessage = res.code === 'NOT_FOUND' ? '没有找到这篇发言' : res.message;
        return;
      }
      const d = res.data;
      const t = d.totals;
      this.article = { id: d.article.id, title: d.article.title, speaker: d.article.speaker };
      this.cards = figureCards(t, null, d.range, d.uvNote);
      this.periodText = periodText(d.period);
      this.asOfText = `截至 ${chinaTime(d.asOf)}`;
      this.anonNote = anonymousNote(t);
      this.trend = trendSpec(d.series);
      this.channels = channelBars(d.channels);
      this.channelsHeight = 120 + (this.channels?.categories.length ?? 0) * 72;
      this.funnel = funnelSteps(d.funnel);
      this.completionText =
        t.pv + t.anonPv === 0
          ? '还没有阅读'
          : `读完 ${formatFigure(t.completions)} 次，共阅读 ${formatFigure(t.pv + t.anonPv)} 次（含朋友圈单页读者），读完率 ${formatRate(t.completionRate)}`;
      this.status = 'ready';
      this.stale = false;
      this.errorMessage = '';
    });
  }

  /** Opened without an id: nothing to load. */
  missing(): void {
    this.reset();
    this.status = 'error';
    this.errorMessage = '链接不完整，没有指明是哪篇发言';
  }

  /** The page went away: the next speech starts blank. */
  reset(): void {
    this.id = null;
    this.latest.next();
    this.status = 'loading';
    this.errorMessage = '';
    this.stale = false;
    this.article = null;
    this.cards = [];
    this.trend = null;
    this.channels = null;
    this.channelsHeight = 0;
    this.funnel = [];
    this.completionText = '';
  }
}
