import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { ChannelKind, ChannelRow, NodeRow } from '../../../typings/contract';
import type { LoadStatus } from '../../stores/installment';
import { MATRIX_CHANNELS } from '../../utils/contract.generated';
import type { ChartSpec } from '../utils/chart-options';
import { chinaTime, formatFigure, periodText } from '../utils/format';
import { Latest } from './latest';
import type { StatsDeps } from './overview';

export interface ChannelLine {
  key: string;
  label: string;
  /** A staff-made channel's node of the matrix, or its code. */
  sub: string;
  pv: string;
  uv: string;
  /** 朋友圈 single-page reads through it, counted apart; empty when none. */
  anon: string;
  quiet: boolean;
  /** The channel whose code staff can print (a matrix node's, or one staff made and still use); empty for others. */
  printable: string;
  /** A staff-made channel taken out of use: its printed codes still count, it gets no new ones. */
  retired: boolean;
}

export interface ChannelGroup {
  kind: ChannelKind;
  title: string;
  hint: string;
  rows: ChannelLine[];
}

/** The groups 渠道 shows, in this order; a group with no channel is left out. */
export const GROUPS: ReadonlyArray<{ kinds: ChannelKind[]; title: string; hint: string }> = [
  { kinds: ['matrix'], title: '矩阵', hint: '报、台、网、微、端、屏各自的渠道码' },
  { kinds: ['custom'], title: '工作人员建的渠道', hint: '如报纸某一版：计入它所属的矩阵节点' },
  { kinds: ['share'], title: '分享', hint: '读者从小程序分享出去的链接' },
  { kinds: ['scene', 'unknown'], title: '场景', hint: '链接没有渠道码时，按微信的进入场景归类' },
];

/** The code staff print (matrix nodes, their own channels); scenes and shares have none to print. */
function subOf(row: ChannelRow): string {
  if (row.kind === 'custom') return `${row.type ? `属于${MATRIX_CHANNELS[row.type]} · ` : ''}渠道码 ${row.channel}`;
  return row.kind === 'matrix' ? `渠道码 ${row.channel}` : '';
}

const lineOf = (row: ChannelRow, retired: ReadonlySet<string> = new Set()): ChannelLine => {
  const gone = row.kind === 'custom' && retired.has(row.channel);
  return {
    key: row.channel,
    label: row.label,
    sub: gone ? `${subOf(row)} · 已停用` : subOf(row),
    pv: formatFigure(row.pv),
    uv: formatFigure(row.uv),
    anon: row.anonPv > 0 ? `另有单页阅读 ${formatFigure(row.anonPv)}` : '',
    quiet: row.pv === 0 && row.anonPv === 0,
    printable: (row.kind === 'matrix' || row.kind === 'custom') && !gone ? row.channel : '',
    retired: gone,
  };
};

/** `retired`: the staff-made channels taken out of use (`admin.channel.list`). */
export function channelGroups(items: ChannelRow[], retired: ReadonlySet<string> = new Set()): ChannelGroup[] {
  return GROUPS.map(({ kinds, title, hint }) => ({
    kind: kinds[0] as ChannelKind,
    title,
    hint,
    rows: items.filter((r) => kinds.includes(r.kind)).map((r) => lineOf(r, retired)),
  })).filter((g) => g.rows.length > 0);
}

export function nodesSpec(nodes: NodeRow[]): ChartSpec {
  return {
    type: 'column',
    categories: nodes.map((n) => n.label),
    series: [
      { name: '阅读数', data: nodes.map((n) => n.pv) },
      { name: '读者数', data: nodes.map((n) => n.uv) },
    ],
  };
}

/** 渠道: reads and readers per node of the matrix (its own code and the channels staff made of it), and per channel. */
export class ChannelsStore {
  status: LoadStatus = 'loading';
  errorMessage = '';
  stale = false;
  nodes: ChannelLine[] = [];
  nodesChart: ChartSpec | null = null;
  groups: ChannelGroup[] = [];
  periodText = '';
  asOfText = '';
  uvNote = '';
  private readonly latest = new Latest();

  constructor(private readonly deps: StatsDeps) {
    makeAutoObservable<ChannelsStore, 'deps' | 'latest'>(this, { deps: false, latest: false });
  }

  async load(): Promise<void> {
    const { range } = this.deps.filters;
    const seq = this.latest.next();
    if (this.groups.length === 0) this.status = 'loading';
    const [res, made] = await Promise.all([
      this.deps.call('stats', 'channels', { range }),
      this.deps.call('admin', 'channel.list', {}),
    ]);
    if (!this.latest.is(seq)) return;
    // Without the list (it failed), no channel is shown as retired; code.get still refuses a retired one.
    const retired = new Set(made.ok ? made.data.items.filter((c) => c.retired).map((c) => c.code) : []);
    runInAction(() => {
      if (!res.ok) {
        if (this.groups.length > 0) this.stale = true;
        else this.status = 'error';
        this.errorMessage = res.message;
        return;
      }
      const d = res.data;
      this.nodes = d.nodes.map((n) => ({
        ...lineOf({ channel: n.type, label: n.label, kind: 'matrix', pv: n.pv, uv: n.uv, anonPv: n.anonPv }),
        sub: '',
        printable: '',
      }));
      this.nodesChart = nodesSpec(d.nodes);
      this.groups = channelGroups(d.items, retired);
      this.periodText = periodText(d.period);
      this.asOfText = `截至 ${chinaTime(d.asOf)}`;
      this.uvNote = d.uvNote;
      this.status = 'ready';
      this.stale = false;
      this.errorMessage = '';
    });
  }
}
