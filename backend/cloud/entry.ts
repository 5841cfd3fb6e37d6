import type { Envelope } from '../../typings/contract';
import type { HandlerContext, Identity } from '../core/context';
import { readerKeys } from '../core/reader-key';
import { type Actions, dispatch } from '../core/router';
import type { Store } from '../storage/port';

/** The one reading of `cloud.getWXContext()` into an Identity: both cloud entries must agree on it. */
export const identityFromWXContext = ({ OPENID, SOURCE }: { OPENID?: string; SOURCE?: string }): Identity => ({
  openid: OPENID ?? null,
  source: SOURCE ?? null,
});

export interface CloudWiring<Api> {
  actions: Actions<Api>;
  store: Store;
  /** Reads `cloud.getWXContext()`: the only source of identity in the cloud. */
  identity: () => Identity;
  /** READER_HASH_SECRET from the function's environment: the key readers are hashed with (see reader-key.ts). */
  readerSecret: string | undefined;
  /** Work done once per cold start before the first call is served (e.g. syncing curated content). */
  warmUp?: () => Promise<unknown>;
  now?: () => Date;
}

/**
 * Builds a cloud function's `main` from platform-free parts. A failed warm-up is logged and
 * retried on the next call; the call is still served from what the store holds.
 */
export function cloudMain<Api>(wiring: CloudWiring<Api>): (event: unknown) => Promise<Envelope<unknown>> {
  let warm: Promise<unknown> | null = null;
  const readerKey = readerKeys(wiring.readerSecret);
  return async (event) => {
    if (wiring.warmUp) {
      warm ??= wiring.warmUp().catch((error: unknown) => {
        console.error('warm-up failed', error);
        warm = null;
      });
      await warm;
    }
    const ctx: HandlerContext = {
      identity: wiring.identity(),
      now: wiring.now ?? (() => new Date()),
      store: wiring.store,
      readerKey,
    };
    return dispatch(wiring.actions, event, ctx);
  };
}
