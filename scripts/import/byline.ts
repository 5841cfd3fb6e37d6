import type { Speaker } from '../../typings/contract';

/** Positions in a byline end with a role word; a title's second half does not. */
const ROLE_END = /(?:主任|书记|长|主席|总编辑|总监|委员|主编|经理|会长|秘书|代表|专员|干部|馆员)$/;
const NAME = /^[\u4e00-\u9fa5·]{2,4}$/;

/** "市委网信办主任 李子未" → { name: "李子未", positions: ["市委网信办主任"] }; null when it is no byline. */
export function parseByline(text: string): Speaker | null {
  if (text.length > 60 || /[，。！？；：“”]/.test(text)) return null;
  const tokens = text.split(/[\s\u3000]+/).filter(Boolean);
  const name = tokens.pop();
  if (!name || tokens.length === 0 || !NAME.test(name)) return null;
  const positions = tokens.flatMap((t) => t.split('、')).filter(Boolean);
  if (positions.length === 0 || !positions.every((p) => p.length >= 2)) return null;
  if (!ROLE_END.test(positions[positions.length - 1] ?? '')) return null;
  return { name, positions };
}

const NOTE_TITLE = /^(?:编者的话|编者按|编后语?|编者附记)[:：]?$/;

export const isEditorsNoteTitle = (text: string): boolean => NOTE_TITLE.test(text);
