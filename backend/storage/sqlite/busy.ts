import { StoreUnavailableError } from '../../core/stores';

/** SQLITE_BUSY and its extended codes: another connection kept the lock past the busy timeout. */
const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
};

/** The same async methods, with SQLITE_BUSY thrown as StoreUnavailableError (which callers answer as retryable). */
export function busyAsUnavailable<M extends object>(methods: M): M {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] =
      typeof method !== 'function'
        ? method
        : async (...args: unknown[]) => {
            try {
              return await method(...args);
            } catch (error) {
              throw isBusy(error) ? new StoreUnavailableError({ cause: error }) : error;
            }
          };
  }
  return wrapped as M;
}
