import type { Database, DatabaseOptions } from 'wx-server-sdk';
import { MemoryDatabase } from './database';
import { FaultPlan } from './faults';
import { createHandler } from './handle';
import { type Limits, PLATFORM_LIMITS } from './limits';
import { RequestLog } from './requests';
import { createSdk, functionEnv, holdSdkEnv, type SdkInstance } from './sdk';
import { startHttpServer } from './server';
import type { Doc, StoredDoc } from './wire';

export { applyEnv } from './env';
export type { Fault, FaultKind, FaultSpec } from './faults';
export { FaultPlan } from './faults';
export { type Limits, PLATFORM_LIMITS } from './limits';
export { type RequestFilter, RequestLog, type RequestRecord } from './requests';
export type { SdkInstance } from './sdk';
export { ACTIONS, type OpName, WRITE_OPS } from './wire';
export { setWXContext, type WXContextValues } from './wx-context';

export interface EndpointOptions {
  /** The environment id the SDK is initialised with; requests naming another are refused. Default 'local-test'. */
  env?: string;
  /** The SDK's per-request timeout in ms (`cloud.init({ timeout })`). Default 15000, the SDK's own default. */
  timeout?: number;
  /** The collections that exist; others answer DATABASE_COLLECTION_NOT_EXIST. Default: any name exists. */
  collections?: readonly string[];
  /** Lower limits than the platform's, for cheaper tests of the same rules. */
  limits?: Partial<Limits>;
  /** The clock `db.serverDate()` is resolved with. */
  now?: () => Date;
}

export interface CloudBaseEndpoint {
  /** The `serviceUrl` the SDK was pointed at. */
  readonly url: string;
  readonly env: string;
  /** The wx-server-sdk instance bound to this endpoint (its own, not the package's default singleton). */
  readonly cloud: SdkInstance;
  /** The real SDK's `cloud.database(options)`, answered by this endpoint. */
  database(options?: DatabaseOptions): Database;
  /**
   * Environment variables that send an unmodified cloud function entry here: its `cloud.init({ env:
   * cloud.DYNAMIC_CURRENT_ENV })` on the package's default instance then talks to this endpoint (set them before the
   * entry module loads, e.g. with applyEnv, and load it in jest.isolateModules for a fresh default instance).
   */
  functionEnv(): Record<string, string>;
  readonly faults: FaultPlan;
  readonly requests: RequestLog;
  /** Every record of a collection, copied, without a request. */
  peek(collection: string): StoredDoc[];
  /** Stores records directly, without a request and without limits (test setup). */
  seed(collection: string, docs: readonly Doc[]): void;
  /** Empties the database, forgets faults (dropping held requests) and the request log. */
  reset(): void;
  /** Stops the server, cutting open connections; the SDK's requests fail from then on. */
  close(): Promise<void>;
}

/**
 * A CloudBase database endpoint on 127.0.0.1 for the real wx-server-sdk, answering its database requests from
 * memory with MongoDB semantics (mingo) and the platform's limits, with injectable faults and a request log.
 */
export async function startCloudBaseEndpoint(options: EndpointOptions = {}): Promise<CloudBaseEndpoint> {
  const env = options.env ?? 'local-test';
  const now = options.now ?? (() => new Date());
  const limits: Limits = { ...PLATFORM_LIMITS, ...options.limits };
  const db = new MemoryDatabase(limits, options.collections === undefined ? null : new Set(options.collections));
  const faults = new FaultPlan();
  const requests = new RequestLog();
  const server = await startHttpServer(createHandler({ env, now, limits, db, faults, requests }));
  const releaseEnv = holdSdkEnv();
  const cloud = createSdk(env, server.url, options.timeout ?? 15_000);

  return {
    url: server.url,
    env,
    cloud,
    database: (databaseOptions) => cloud.database(databaseOptions),
    functionEnv: () => functionEnv(env, server.url),
    faults,
    requests,
    peek: (collection) => db.peek(collection),
    seed: (collection, docs) => db.seed(collection, docs),
    reset() {
      faults.clear();
      requests.clear();
      db.clear();
    },
    async close() {
      faults.clear();
      await server.close();
      releaseEnv();
    },
  };
}
