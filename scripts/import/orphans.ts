import type { ReviewItem } from '../../backend/content/schema';
import { shortHash } from './ids';
import type { Piece, Section } from './layout';
import type { Overrides } from './overrides';

export const orphanKey = (p: Piece): string => `o-${shortHash(p.text, 6)}`;

export interface SpeechRef {
  id: string;
  section: Extract<Section, { kind: 'speech' }>;
}

export interface OrphanOutcome {
  key: string;
  line: number;
  text: string;
  /** Article id, "note" or "drop" when an editor decided; null when still open. */
  decision: string | null;
  suggestion: ReviewItem['suggestion'];
}

function longestCommon(a: string, b: string): string {
  let best = '';
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      if ((row[j] as number) > best.length) best = a.slice(i - (row[j] as number), i);
      diagonal = above;
    }
  }
  return best;
}

/** Words shared with one speaker's positions hint at the owner; the editor still decides. */
const MIN_HINT = 4;

function suggest(text: string, speeches: SpeechRef[]): ReviewItem['suggestion'] {
  const scored = speeches
    .map((s) => ({ s, common: longestCommon(text, s.section.speaker.positions.join('、')) }))
    .sort((x, y) => y.common.length - x.common.length);
  const [top, second] = scored;
  if (!top || top.common.length < MIN_HINT || (second && second.common.length === top.common.length)) return null;
  return {
    articleId: top.s.id,
    reason: `文中“${top.common}”与${top.s.section.speaker.name}的职务“${top.s.section.speaker.positions.join('、')}”相合`,
  };
}

/**
 * Places orphans the editor has decided on, appended to their target in page order,
 * and returns every orphan with its decision or, if still open, a suggestion.
 */
export function resolveOrphans(
  orphans: Piece[],
  speeches: SpeechRef[],
  note: Section | undefined,
  overrides: Overrides,
): { outcomes: OrphanOutcome[]; errors: string[] } {
  const errors: string[] = [];
  // Orphans standing together on the page most likely share an owner: hint for the whole run.
  const runText = (i: number): string => {
    let start = i;
    while (start > 0 && (orphans[start - 1] as Piece).lastIndex + 1 === (orphans[start] as Piece).index) start--;
    let end = i;
    while (end + 1 < orphans.length && (orphans[end] as Piece).lastIndex + 1 === (orphans[end + 1] as Piece).index)
      end++;
    return orphans
      .slice(start, end + 1)
      .map((o) => o.text)
      .join('');
  };
  const outcomes = orphans.map((p, i): OrphanOutcome => {
    const key = orphanKey(p);
    const to = overrides.assign?.[key]?.to ?? null;
    const suggestion = suggest(runText(i), speeches);
    const outcome = { key, line: p.lines[0] as number, text: p.text, decision: to, suggestion };
    if (to === null || to === 'drop') return outcome;
    const target = to === 'note' ? note : speeches.find((s) => s.id === to)?.section;
    if (!target) {
      errors.push(`覆盖文件把 ${key} 分给了不存在的 “${to}”`);
      return { ...outcome, decision: null };
    }
    target.pieces.push(p);
    return outcome;
  });
  const known = new Set(outcomes.map((o) => o.key));
  for (const key of Object.keys(overrides.assign ?? {})) {
    if (!known.has(key)) errors.push(`覆盖文件中的 ${key} 在原文里找不到（原文改过？）`);
  }
  return { outcomes, errors };
}
