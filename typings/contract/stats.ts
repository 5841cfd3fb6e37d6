import type { MatrixChannel } from './attribution';

/** China-time days: today, the last 7 or 30 days (today included), or since counting began. */
export type StatsRange = 'today' | '7d' | '30d' | 'all';

/** Days are 'YYYY-MM-DD' in China time; `to` is the last day included. */
export interface StatsPeriod {
  from: string;
  to: string;
  days: number;
}

export interface StatsFigures {
  /** Counted openings by readers WeChat named: the read count readers see. */
  pv: number;
  /**
   * Readers. Exact distinct readers for one day and for `all`; over 7 or 30 days a reader counts once a day they read,
   * since two days' distinct readers cannot be added (`uvExact` false and `uvNote` say so).
   */
  uv: number;
  shares: number;
  /** Counted openings that came through someone else's share. */
  shareReads: number;
  /** Shares made by readers a share had brought. */
  reshares: number;
  completions: number;
  /** completions / all counted openings (named and anonymous); null when there were none. */
  completionRate: number | null;
  /** 朋友圈 single-page readers, counted apart: an install id, not a person WeChat names. */
  anonPv: number;
  anonUv: number;
}

interface Figures {
  range: StatsRange;
  /** null for `all`. */
  period: StatsPeriod | null;
  /** When the figures were read: they are live counters. ISO time. */
  asOf: string;
  uvExact: boolean;
  /** Plain words on how `uv` was counted, for the page. */
  uvNote: string;
}

export interface DayPoint {
  day: string;
  pv: number;
  uv: number;
}

export interface OverviewData extends Figures {
  totals: StatsFigures;
  /** The period of the same length just before; null for `all`. */
  previous: StatsFigures | null;
  /** Per day of the period (for `all`: the last 30 days). */
  series: DayPoint[];
}

export interface ArticleRow extends StatsFigures {
  id: string;
  title: string;
  speaker: string;
  installmentId: string;
}

export type StatsSort = 'pv' | 'uv' | 'shares' | 'completionRate';

export interface ArticlesData extends Figures {
  sort: StatsSort;
  items: ArticleRow[];
}

export type ChannelKind = 'matrix' | 'share' | 'scene' | 'unknown' | 'custom';

export interface ChannelRow {
  channel: string;
  label: string;
  kind: ChannelKind;
  /** A staff-made channel's node of the matrix. */
  type?: MatrixChannel;
  pv: number;
  uv: number;
  anonPv: number;
}

/** A node of the matrix with every channel of it (its own code and those staff made), summed. */
export interface NodeRow {
  type: MatrixChannel;
  label: string;
  pv: number;
  uv: number;
  anonPv: number;
}

export interface ArticleData extends Figures {
  article: Omit<ArticleRow, keyof StatsFigures>;
  totals: StatsFigures;
  series: DayPoint[];
  channels: ChannelRow[];
  /** shares → reads through shares → reshares by those readers. */
  funnel: { shares: number; shareReads: number; reshares: number };
}

export interface ChannelsData extends Figures {
  items: ChannelRow[];
  nodes: NodeRow[];
}

export interface ExportData {
  url: string;
  /** ISO time after which the link no longer works. */
  expiresAt: string;
  fileName: string;
  rows: number;
}

/** The `stats` function: staff only, every figure read from counters. */
export interface StatsApi {
  overview: { input: { range: StatsRange }; output: OverviewData };
  articles: { input: { range: StatsRange; sort: StatsSort }; output: ArticlesData };
  article: { input: { id: string; range: StatsRange }; output: ArticleData };
  channels: { input: { range: StatsRange }; output: ChannelsData };
  export: { input: { range: StatsRange }; output: ExportData };
}
