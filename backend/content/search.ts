import type { SearchHit } from '../../typings/contract';
import type { ArticleRecord } from './port';

export const MAX_HITS = 20;
/** Characters of context kept on each side of the first match in a body snippet. */
const CONTEXT = 24;

function matchRanges(text: string, q: string): Array<[number, number]> {
  const hay = text.toLowerCase();
  const needle = q.toLowerCase();
  const ranges: Array<[number, number]> = [];
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + needle.length)) {
    ranges.push([at, at + needle.length]);
  }
  return ranges;
}

function snippetAround(text: string, ranges: Array<[number, number]>): Pick<SearchHit, 'snippet' | 'matches'> {
  const first = ranges[0] as [number, number];
  const start = Math.max(0, first[0] - CONTEXT);
  const end = Math.min(text.length, first[1] + CONTEXT);
  const prefix = start > 0 ? '…' : '';
  const snippet = `${prefix}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  const shift = prefix.length - start;
  const matches = ranges
    .filter(([s, e]) => s >= start && e <= end)
    .map(([s, e]): [number, number] => [s + shift, e + shift]);
  return { snippet, matches };
}

/**
 * Finds `q` in titles, speakers and body text, in print order: for each article its title,
 * then its speaker, then every paragraph that holds it, at most MAX_HITS in all.
 */
export function searchArticles(articles: ArticleRecord[], q: string): SearchHit[] {
  const hits: SearchHit[] = [];
  for (const a of articles) {
    const base = { articleId: a.id, installmentId: a.installmentId, title: a.title, speakerName: a.speaker.name };
    const inTitle = matchRanges(a.title, q);
    if (inTitle.length) hits.push({ ...base, field: 'title', snippet: a.title, matches: inTitle });
    const speakerLine = `${a.speaker.positions.join('、')} ${a.speaker.name}`;
    const inSpeaker = matchRanges(speakerLine, q);
    if (inSpeaker.length) hits.push({ ...base, field: 'speaker', snippet: speakerLine, matches: inSpeaker });
    for (const block of a.blocks) {
      const ranges = matchRanges(block.text, q);
      if (ranges.length) hits.push({ ...base, field: 'body', blockId: block.id, ...snippetAround(block.text, ranges) });
      if (hits.length >= MAX_HITS) return hits.slice(0, MAX_HITS);
    }
  }
  return hits.slice(0, MAX_HITS);
}
