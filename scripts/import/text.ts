/** Character-level rules of Chinese newspaper text that the importer decides by. */

const CLOSERS = '”’」』）)》】';
const FINAL = '。！？!?…；;：:';

/** True when the text ends a sentence (closing quotes and brackets are looked through). */
export function endsSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && CLOSERS.includes(text.charAt(i))) i--;
  return i >= 0 && FINAL.includes(text.charAt(i));
}

const HEADING_MARK = /^(?:[一二三四五六七八九十]+、|\d{1,2}[、.．](?!\d)|[（(][一二三四五六七八九十\d]{1,3}[）)])/;
const LEAD_MARK = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，、]|首先|其次|再次|最后)/;

/** "一、…", "1、…", "（一）…": the start of a numbered section. */
export const startsWithHeadingMark = (text: string): boolean => HEADING_MARK.test(text);

/** "一是…", "第一，…", "首先…": the start of a numbered point. */
export const startsWithLeadMark = (text: string): boolean => LEAD_MARK.test(text);

export const startsNumbered = (text: string): boolean => startsWithHeadingMark(text) || startsWithLeadMark(text);

const SENTENCE_END = '。！？!?';

/** True when the text holds a sentence end anywhere (a heading holds none). */
export const hasSentenceEnd = (text: string): boolean => [...SENTENCE_END].some((c) => text.includes(c));

/**
 * Length of the first sentence, counting an end mark only outside quotation marks,
 * or -1 when there is no sentence end.
 */
export function firstSentenceLength(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '“' || c === '「' || c === '『') depth++;
    else if ((c === '”' || c === '」' || c === '』') && depth > 0) depth--;
    else if (depth === 0 && SENTENCE_END.includes(c)) return i + 1;
  }
  return -1;
}

/** Longest suffix of `a` that is also a prefix of `b`, shorter than `b`. */
export function overlapLength(a: string, b: string): number {
  for (let n = Math.min(a.length, b.length - 1); n > 0; n--) {
    if (a.endsWith(b.slice(0, n))) return n;
  }
  return 0;
}

/** Collapses runs of white space; the source's wording is otherwise kept as it is. */
export const normalizeSpace = (text: string): string => text.replace(/[\s\u3000]+/g, ' ').trim();

/** Text with all white space removed: what duplicate detection compares. */
export const compactKey = (text: string): string => text.replace(/[\s\u3000]+/g, '');

export const preview = (text: string, n = 12): string => (text.length <= n ? text : `${text.slice(0, n)}…`);
export const tail = (text: string, n = 8): string => (text.length <= n ? text : `…${text.slice(-n)}`);
