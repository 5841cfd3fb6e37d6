import type { Attribution, ShareTarget } from './attribution';

/**
 * Reading analytics events sent by the app to the `track` function. Every event carries a client-made id
 * (`eventId`, `anonId` and share ids have the formats of ids.ts). Sending an event again with the same `eventId`
 * is always safe: it changes nothing.
 */

export interface ReadEvent {
  type: 'read';
  eventId: string;
  articleId: string;
  attribution: Attribution;
}

export interface ProgressEvent {
  type: 'progress';
  eventId: string;
  articleId: string;
  /** The `read` event this reading belongs to. */
  readEventId: string;
  /** How far down the speech the reader got, 0..1. */
  depth: number;
  /** Time spent reading so far, in milliseconds. */
  dwellMs: number;
}

export interface ShareEvent {
  type: 'share';
  eventId: string;
  articleId: string;
  shareId: string;
  target: ShareTarget;
}

export type TrackEvent = ReadEvent | ProgressEvent | ShareEvent;

/** Sent with every call: stands in for the openid where WeChat gives none (朋友圈 single-page mode). */
export interface AnonymousReader {
  anonId?: string;
}

export interface EventResult {
  eventId: string;
  ok: boolean;
  /**
   * Set when ok is false. RATE_LIMITED, UNAVAILABLE (the store was busy) and INTERNAL: a retry may succeed.
   * BAD_REQUEST (also past a reader's daily cap) and NOT_FOUND: final.
   */
  code?: 'BAD_REQUEST' | 'NOT_FOUND' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'INTERNAL';
  /**
   * For a `read` that was recorded: whether it moved the read count (false for a re-open within 30 minutes, and
   * for an anonymous reader, who is counted apart from the read count).
   */
  counted?: boolean;
}

/** Events in one `batch` call. */
export const MAX_BATCH = 20;

/**
 * An event sent again within this many days of its first sending is recognised and changes nothing; the app drops
 * events it could not deliver for longer (the server keeps what it needs to recognise them for this long).
 */
export const RESEND_WITHIN_DAYS = 3;

export interface TrackApi {
  read: { input: Omit<ReadEvent, 'type'> & AnonymousReader; output: { counted: boolean; readCount: number } };
  /** `completed`: the reading this progress belongs to counts as completed (by this event or an earlier one). */
  progress: { input: Omit<ProgressEvent, 'type'> & AnonymousReader; output: { completed: boolean } };
  share: { input: Omit<ShareEvent, 'type'> & AnonymousReader; output: { recorded: boolean } };
  /** The whole batch is refused (BAD_REQUEST) when any event is malformed; otherwise one result per event, in order. */
  batch: { input: { events: TrackEvent[] } & AnonymousReader; output: { results: EventResult[] } };
}
