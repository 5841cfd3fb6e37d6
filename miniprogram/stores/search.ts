import { makeAutoObservable, runInAction } from 'mobx-miniprogram';
import type { SearchHit } from '../../typings/contract';
import type { CloudClient } from '../services/cloud';

export interface Segment {
  /** Position in the snippet: the template's wx:key. */
  key: number;
  text: string;
  hit: boolean;
}

export interface HitRow {
  key: string;
  articleId: string;
  blockId: string;
  title: string;
  speakerName: string;
  where: string;
  segments: Segment[];
}

export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';

const WHERE: Record<SearchHit['field'], string> = { title: '标题', speaker: '发言人', body: '正文' };

/** Cuts a snippet at the match offsets, so the template highlights without string work. */
export function segmentsOf(snippet: string, matches: Array<[number, number]>): Segment[] {
  const segments: Array<Omit<Segment, 'key'>> = [];
  let at = 0;
  for (const [start, end] of [...matches].sort((a, b) => a[0] - b[0])) {
    if (start < at || end > snippet.length || start >= end) continue;
    if (start > at) segments.push({ text: snippet.slice(at, start), hit: false });
    segments.push({ text: snippet.slice(start, end), hit: true });
    at = end;
  }
  if (at < snippet.length) segments.push({ text: snippet.slice(at), hit: false });
  return segments.map((segment, key) => ({ key, ...segment }));
}

const rowOf = (hit: SearchHit, i: number): HitRow => ({
  key: `${hit.articleId}-${hit.blockId ?? hit.field}-${i}`,
  articleId: hit.articleId,
  blockId: hit.blockId ?? '',
  title: hit.title,
  speakerName: hit.speakerName,
  where: WHERE[hit.field],
  segments: segmentsOf(hit.snippet, hit.matches),
});

export interface SearchDeps {
  call: CloudClient['call'];
}

export class SearchStore {
  q = '';
  status: SearchStatus = 'idle';
  rows: HitRow[] = [];
  errorMessage = '';
  private seq = 0;

  constructor(private readonly deps: SearchDeps) {
    makeAutoObservable<SearchStore, 'deps' | 'seq'>(this, { deps: false, seq: false });
  }

  /** A new word makes the old word's results (and any answer still on its way) stale: they go at once. */
  setQuery(q: string): void {
    if (q === this.q) return;
    this.q = q;
    this.seq++;
    this.rows = [];
    this.status = 'idle';
    this.errorMessage = '';
  }

  /** Emptying the box (or leaving the page) also drops an answer still on its way: it would show under an empty box. */
  clear(): void {
    this.q = '';
    this.seq++;
    this.rows = [];
    this.status = 'idle';
    this.errorMessage = '';
  }

  /** Only the latest search's answer is shown, however the answers arrive. */
  async search(): Promise<void> {
    const q = this.q.trim();
    if (!q) return this.clear();
    const seq = ++this.seq;
    this.status = 'searching';
    const res = await this.deps.call('content', 'search', { q: q.slice(0, 30) });
    if (seq !== this.seq) return;
    runInAction(() => {
      if (res.ok) {
        this.rows = res.data.hits.map(rowOf);
        this.status = 'done';
        this.errorMessage = '';
      } else {
        this.status = 'error';
        this.errorMessage = res.message;
      }
    });
  }
}
