import type { Reader, Store } from '../storage/port';

/**
 * Who is calling. In the cloud it comes only from `cloud.getWXContext()`;
 * locally, from a request header. Never from the request payload.
 */
export interface Identity {
  openid: string | null;
}

/**
 * The reader to count for a caller: a keyed hash of the openid, or — only when WeChat gives no openid
 * (朋友圈 single-page mode) — of the app's anonymous install id; null when there is neither. See reader-key.ts.
 */
export type ReaderKeyOf = (identity: Identity, anonId: string | undefined) => Reader | null;

export interface HandlerContext {
  identity: Identity;
  now: () => Date;
  store: Store;
  readerKey: ReaderKeyOf;
}
