import type { Reader } from '../track/model';
import type { Stores } from './stores';

/**
 * Who is calling. In the cloud it comes only from `cloud.getWXContext()`;
 * locally, from a request header. Never from the request payload.
 */
export interface Identity {
  openid: string | null;
  /**
   * `getWXContext().SOURCE`: what started this run. Only a call from the WeChat client (`wx_client`) may name an
   * anonymous reader; absent (a caller that does not say) counts as not the client.
   */
  source?: string | null;
}

/** SOURCE of a call made by the mini-program in WeChat (the local server treats its callers as this). */
export const CLIENT_SOURCE = 'wx_client';

/**
 * The reader to count for a caller: a keyed hash of the openid, or — only when WeChat gives no openid
 * (朋友圈 single-page mode) and the call came from the WeChat client — of the app's anonymous install id; null
 * otherwise. See reader-key.ts.
 */
export type ReaderKeyOf = (identity: Identity, anonId: string | undefined) => Reader | null;

/** Who may call an action: anyone, staff (administrators too), or administrators only. */
export type Role = 'public' | 'staff' | 'admin';

/** What a caller is. */
export type CallerRole = 'reader' | 'staff' | 'admin';

export interface Caller {
  role: CallerRole;
  /** The staff member's key and display name; null for readers and for administrators named only by ADMIN_OPENIDS. */
  member: { key: string; name: string } | null;
}

export interface HandlerContext {
  identity: Identity;
  now: () => Date;
  stores: Stores;
  readerKey: ReaderKeyOf;
  /** Who the caller is (looked up when first asked, once per call). */
  caller: () => Promise<Caller>;
  /** Keys of the administrators ADMIN_OPENIDS names (who are administrators whatever the staff records say). */
  adminKeys: () => string[];
}
