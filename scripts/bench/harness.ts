/** The stores and dispatcher a bench calls through: the one dispatcher every caller builds, with a fixed clock. */
import { loadCatalog } from '../../backend/content/catalog';
import type { InstallmentFile } from '../../backend/content/schema';
import { syncInstallments } from '../../backend/content/sync';
import { CLIENT_SOURCE } from '../../backend/core/context';
import { createDispatcher } from '../../backend/core/dispatcher';
import { LOCAL_READER_SECRET } from '../../backend/core/reader-key';
import type { Stores } from '../../backend/core/stores';
import { functions } from '../../backend/functions';
import type { Envelope } from '../../typings/contract';

/** An administrator (staff figures), as ADMIN_OPENIDS names one. */
export const BENCH_ADMIN = 'o-bench-admin';
/** The bench's "now": readers' days and stats ranges are relative to it. */
export const BENCH_NOW = Date.parse('2026-11-27T08:00:00Z');

export interface Caller {
  stores: Stores;
  /** Dispatches `fn`'s action as `openid` from the WeChat client, as the cloud entry would. */
  call<T>(fn: string, action: string, input: unknown, openid?: string | null): Promise<Envelope<T>>;
}

export async function callerOver(
  stores: Stores,
  now: () => number = () => BENCH_NOW,
  catalog: InstallmentFile[] = loadCatalog(),
): Promise<Caller> {
  await syncInstallments(stores, catalog);
  const dispatcher = createDispatcher({
    functions,
    stores,
    readerSecret: LOCAL_READER_SECRET,
    adminOpenids: [BENCH_ADMIN],
    now: () => new Date(now()),
    log: () => {},
  });
  return {
    stores,
    call: async <T>(fn: string, action: string, input: unknown, openid: string | null = BENCH_ADMIN) =>
      (await dispatcher.call(fn, { action, input }, { openid, source: CLIENT_SOURCE })) as Envelope<T>,
  };
}

/** The answer's bytes as the function sends them (JSON). */
export const sentBytes = (answer: unknown): number => Buffer.byteLength(JSON.stringify(answer));

/** The speeches of the catalog, with their body text's UTF-8 size. */
export const speechesOf = (catalog: InstallmentFile[] = loadCatalog()) =>
  catalog.flatMap((i) =>
    i.articles.map((a) => ({
      id: a.id,
      installmentId: i.id,
      textBytes: Buffer.byteLength(a.blocks.map((b) => b.text).join('')),
    })),
  );
