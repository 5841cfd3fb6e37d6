/** A speech's two share images: for a chat card (5:4) and for 朋友圈 (square). */
export type CardKind = 'chat' | 'timeline';

/** Draws one card and resolves with its temporary file, or null when drawing failed. */
export type DrawCard = (kind: CardKind) => Promise<string | null>;

interface Entry {
  drawing: Promise<void>;
  chat: string | null | undefined;
  timeline: string | null | undefined;
  chatDrawn: Promise<string | null>;
}

/** Speeches whose cards are kept; a temporary file lasts as long as the app runs. */
export const MAX_CARDS = 20;

/**
 * The share images drawn for each speech, once per launch: drawn when the speech opens, kept by speech id, so that
 * `onShareAppMessage` (which must answer at once, or give WeChat a promise it waits up to 3 seconds for) and
 * `onShareTimeline` (which takes no promise) have them ready. A card that failed to draw is drawn again the next time
 * the speech opens; until then the generic image stands in.
 */
export class ShareCards {
  private readonly entries = new Map<string, Entry>();

  prepare(articleId: string, draw: DrawCard): void {
    const known = this.entries.get(articleId);
    if (known && known.chat !== null && known.timeline !== null) return;
    const entry: Entry = {
      chat: undefined,
      timeline: undefined,
      drawing: Promise.resolve(),
      chatDrawn: Promise.resolve(null),
    };
    // One after the other: both are drawn on the page's one card canvas.
    entry.chatDrawn = draw('chat')
      .catch(() => null)
      .then((path) => {
        entry.chat = path;
        return path;
      });
    entry.drawing = entry.chatDrawn
      .then(() => draw('timeline'))
      .catch(() => null)
      .then((path) => {
        entry.timeline = path;
      });
    this.entries.delete(articleId);
    this.entries.set(articleId, entry);
    for (const id of [...this.entries.keys()].slice(0, Math.max(0, this.entries.size - MAX_CARDS))) {
      this.entries.delete(id);
    }
  }

  /** The chat card: its path when drawn, a promise while it is being drawn, null when there is none. */
  chat(articleId: string): string | Promise<string | null> | null {
    const entry = this.entries.get(articleId);
    if (!entry) return null;
    return entry.chat === undefined ? entry.chatDrawn : entry.chat;
  }

  /** The 朋友圈 image when drawn (onShareTimeline cannot wait). */
  timeline(articleId: string): string | null {
    return this.entries.get(articleId)?.timeline ?? null;
  }

  /** Resolves once the speech's cards are drawn (or failed): for tests and the preview. */
  settled(articleId: string): Promise<void> {
    return this.entries.get(articleId)?.drawing ?? Promise.resolve();
  }
}
