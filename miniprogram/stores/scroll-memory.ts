import { readItem, writeItem } from '../services/storage';

const KEY = 'esd.scroll';
const MAX_ENTRIES = 50;

type Positions = Array<[string, number]>;

/** Where the reader left each speech, so returning to it restores the scroll position. */
export const scrollMemory = {
  recall(articleId: string): number {
    return (readItem<Positions>(KEY) ?? []).find(([id]) => id === articleId)?.[1] ?? 0;
  },

  remember(articleId: string, top: number): void {
    const others = (readItem<Positions>(KEY) ?? []).filter(([id]) => id !== articleId);
    writeItem(KEY, [[articleId, Math.max(0, Math.round(top))], ...others].slice(0, MAX_ENTRIES));
  },
};
