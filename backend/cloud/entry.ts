import type { Api, Envelope, FunctionName } from '../../typings/contract';
import type { Identity } from '../core/context';
import { createDispatcher } from '../core/dispatcher';
import type { Actions } from '../core/router';
import type { Stores } from '../core/stores';
import { parseAdminOpenids } from '../staff/roles';

/** The one reading of `cloud.getWXContext()` into an Identity: every cloud entry must agree on it. */
export const identityFromWXContext = ({ OPENID, SOURCE }: { OPENID?: string; SOURCE?: string }): Identity => ({
  openid: OPENID ?? null,
  source: SOURCE ?? null,
});

export interface CloudWiring<F extends FunctionName> {
  name: F;
  actions: Actions<Api[F]>;
  stores: Stores;
  /** Reads `cloud.getWXContext()`: the only source of identity in the cloud. */
  identity: () => Identity;
  /** The function's environment: READER_HASH_SECRET and ADMIN_OPENIDS. */
  env: { READER_HASH_SECRET?: string; ADMIN_OPENIDS?: string };
  /** Work done once per cold start before the first call is served (e.g. syncing curated content). */
  warmUp?: () => Promise<unknown>;
  now?: () => Date;
}

/**
 * Builds a cloud function's `main` from platform-free parts. A failed warm-up is logged and
 * retried on the next call; the call is still served from what the store holds.
 */
export function cloudMain<F extends FunctionName>(
  wiring: CloudWiring<F>,
): (event: unknown) => Promise<Envelope<unknown>> {
  let warm: Promise<unknown> | null = null;
  const dispatcher = createDispatcher({
    functions: { [wiring.name]: wiring.actions },
    stores: wiring.stores,
    readerSecret: wiring.env.READER_HASH_SECRET,
    adminOpenids: parseAdminOpenids(wiring.env.ADMIN_OPENIDS),
    ...(wiring.now && { now: wiring.now }),
  });
  return async (event) => {
    if (wiring.warmUp) {
      warm ??= wiring.warmUp().catch((error: unknown) => {
        console.error('warm-up failed', error);
        warm = null;
      });
      await warm;
    }
    return dispatcher.call(wiring.name, event, wiring.identity());
  };
}
