import type { Store } from '../storage/port';

/**
 * Who is calling. In the cloud it comes only from `cloud.getWXContext()`;
 * locally, from a request header. Never from the request payload.
 */
export interface Identity {
  openid: string | null;
}

export interface HandlerContext {
  identity: Identity;
  now: () => Date;
  store: Store;
}
