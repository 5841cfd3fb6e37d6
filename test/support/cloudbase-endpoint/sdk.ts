import cloud, { type Database, type DatabaseOptions, type WXContext } from 'wx-server-sdk';
import { applyEnv } from './env';

/** One wx-server-sdk instance of its own, with its own configuration (the package's default export is a singleton). */
export interface SdkInstance {
  database(options?: DatabaseOptions): Database;
  getWXContext(): WXContext;
}

interface InitOptions {
  env: string;
  serviceUrl: string;
  timeout: number;
  secretId: string;
  secretKey: string;
  keepalive: boolean;
}

const PLACEHOLDER_SECRET = 'local-endpoint';

/** `createNewInstance` is in wx-server-sdk's runtime but not in its documented API, nor in typings/. */
type SdkRoot = typeof cloud & { createNewInstance(options: InitOptions): SdkInstance };

/**
 * Environment the SDK reads on every request:
 * - TENCENTCLOUD=true: "this is Tencent Cloud", so @cloudbase/node-sdk skips its probe of
 *   http://metadata.tencentyun.com (an off-machine request on every call when not in the cloud);
 * - SILENCE=true: no 3-second "slow request" timer per database call (left running after a failed one).
 */
const SDK_ENV = { TENCENTCLOUD: 'true', SILENCE: 'true' } as const;

let holders = 0;
let restore: () => void = () => undefined;

/** Sets SDK_ENV while any endpoint is open; the returned function gives back the values that were there. */
export function holdSdkEnv(): () => void {
  if (holders === 0) restore = applyEnv(SDK_ENV);
  holders += 1;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    holders -= 1;
    if (holders === 0) restore();
  };
}

/**
 * A wx-server-sdk instance that sends its database requests to `serviceUrl`. The credentials are placeholders the
 * endpoint ignores, but they must be there: without them the SDK's un-awaited credential check rejects unhandled.
 * keepalive is off as in a cloud function; `timeout` (ms) is the SDK's own per-request timeout.
 */
export const createSdk = (env: string, serviceUrl: string, timeout: number): SdkInstance =>
  (cloud as SdkRoot).createNewInstance({
    env,
    serviceUrl,
    timeout,
    secretId: PLACEHOLDER_SECRET,
    secretKey: PLACEHOLDER_SECRET,
    keepalive: false,
  });

/**
 * The environment under which the package's default instance, initialised as a deployed function does
 * (`cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })`, no serviceUrl), sends its requests to `serviceUrl`:
 * TCB_CONTEXT_CNFG's URL is the address the platform injects, SCF_NAMESPACE what DYNAMIC_CURRENT_ENV stands for
 * in requests (TCB_ENV in getWXContext().ENV), and TENCENTCLOUD_SECRETID/KEY the credentials the SDK falls back on.
 */
export const functionEnv = (env: string, serviceUrl: string): Record<string, string> => ({
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: serviceUrl }),
  SCF_NAMESPACE: env,
  TCB_ENV: env,
  TENCENTCLOUD_SECRETID: PLACEHOLDER_SECRET,
  TENCENTCLOUD_SECRETKEY: PLACEHOLDER_SECRET,
});
