import { setTimeout as sleep } from 'node:timers/promises';
import { StoreUnavailableError } from '../../core/stores';

/** SQLITE_BUSY and its extended codes: another connection holds the lock. */
const isBusy = (error: unknown): boolean => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_BUSY' || code.startsWith('SQLITE_BUSY_'));
};

/**
 * How long a call keeps trying while another connection (`npm run reconcile`, a second server) holds the write
 * lock, before it is answered UNAVAILABLE for the app to send again. Our own write transactions take milliseconds.
 */
export const BUSY_WAIT_MS = 250;

/** Pauses between tries: short first, since most locks are gone within a few milliseconds. */
const PAUSES_MS = [2, 5, 10, 20, 40, 60, 60, 60];

/**
 * The same async methods, tried again while the database is busy and then thrown as StoreUnavailableError (which
 * callers answer as retryable). The connection itself never waits (busy timeout 0: better-sqlite3 would wait
 * synchronously, stalling every other request of the server); the pauses here are timers, so reads and other
 * requests are answered meanwhile. A busy statement has changed nothing (its transaction is rolled back), and the
 * methods decide from what they read inside their transaction, so trying again is safe.
 */
export function busyAsUnavailable<M extends object>(methods: M, waitMs = BUSY_WAIT_MS): M {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    wrapped[name] =
      typeof method !== 'function'
        ? method
        : async (...args: unknown[]) => {
            let waited = 0;
            for (let attempt = 0; ; attempt += 1) {
              try {
                return await method(...args);
              } catch (error) {
                if (!isBusy(error)) throw error;
                const pause = Math.min(PAUSES_MS[attempt] ?? PAUSES_MS.at(-1) ?? 0, waitMs - waited);
                if (pause <= 0) throw new StoreUnavailableError({ cause: error });
                await sleep(pause);
                waited += pause;
              }
            }
          };
  }
  return wrapped as M;
}
