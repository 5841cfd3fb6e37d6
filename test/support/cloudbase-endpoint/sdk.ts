import cloud, { type Database, type DatabaseOptions, type WXContext } from 'wx-server-sdk';

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
let saved: Record<string, string | undefined> = {};

/** Sets SDK_ENV while any endpoint is open; the returned function gives back the values that were there. */
export function holdSdkEnv(): () => void {
  if (holders === 0) {
    saved = Object.fromEntries(Object.keys(SDK_ENV).map((k) => [k, process.env[k]]));
    Object.assign(process.env, SDK_ENV);
  }
  holders += 1;
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    holders -= 1;
    if (holders > 0) return;
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
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
    secretId: 'local-endpoint',
    secretKey: 'local-endpoint',
    keepalive: false,
  });
