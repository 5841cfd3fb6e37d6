import type { Block } from '../../typings/contract';
import { firstSentenceLength, hasSentenceEnd, startsWithHeadingMark, startsWithLeadMark } from './text';

/** A run-in lead longer than this is a sentence, not a lead. */
const MAX_LEAD = 80;
/** "全面学习常态化。": a short opening sentence without a comma also reads as a run-in lead. */
const MAX_BARE_LEAD = 10;

export type Classified = Pick<Block, 'kind' | 'leadLength'>;

/** Is this a heading: numbered, and no sentence in it. */
export const isHeadingLike = (text: string): boolean => startsWithHeadingMark(text) && !hasSentenceEnd(text);

export function classify(text: string): Classified {
  if (isHeadingLike(text)) return { kind: 'heading' };
  const lead = firstSentenceLength(text);
  if (lead > 0 && lead < text.length) {
    const numbered = startsWithHeadingMark(text) || startsWithLeadMark(text);
    const bare = lead <= MAX_BARE_LEAD && !/[，、；：]/.test(text.slice(0, lead));
    if ((numbered && lead <= MAX_LEAD) || bare) return { kind: 'lead', leadLength: lead };
  }
  return { kind: 'paragraph' };
}
