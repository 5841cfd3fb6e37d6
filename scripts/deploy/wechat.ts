import type { Trigger } from './stage-functions';

/** A function's settings that the deploy manages. */
export interface FunctionSettings {
  /** e.g. `Nodejs16.13`. */
  runtime: string;
  /** Seconds. */
  timeout: number;
  /** Environment variables, with their values (never printed). */
  variables: Record<string, string>;
}

export interface FunctionRef {
  env: string;
  name: string;
}

export interface AppUpload {
  /** The staged project (`.deploy/app/`). */
  projectPath: string;
  version: string;
  desc: string;
  robot: number;
}

/**
 * Every call the deploy makes to WeChat, and nothing else: the CLI's is miniprogram-ci (`ci.ts`), a dry run's and
 * the tests' a recorder. What each is in miniprogram-ci is in API.
 */
export interface WeChat {
  /** The function's settings; null when the environment has no function of that name. */
  getFunction(fn: FunctionRef): Promise<FunctionSettings | null>;
  /** Makes the function with these settings and a stand-in package; its code follows with uploadFunction. */
  createFunction(fn: FunctionRef & FunctionSettings): Promise<void>;
  /** Uploads the folder as the function's code; the cloud installs its dependencies from its package.json. */
  uploadFunction(fn: FunctionRef & { path: string }): Promise<{ filesCount: number; packSize: number }>;
  /** Sets the timeout and the whole set of environment variables. */
  configureFunction(fn: FunctionRef & Omit<FunctionSettings, 'runtime'>): Promise<void>;
  /** Creates timer triggers on the function; `created` false when WeChat refused them. */
  createTimeTrigger(request: {
    env: string;
    functionName: string;
    triggers: Trigger[];
  }): Promise<{ created: boolean; message: string }>;
  /** Uploads the mini-program as the development version. */
  upload(app: AppUpload): Promise<{ packages: Array<{ name: string; size: number }> }>;
  /** Uploads a preview and writes its QR code to `qrcodeFile`. */
  preview(app: AppUpload & { qrcodeFile: string }): Promise<{ packages: Array<{ name: string; size: number }> }>;
}

/**
 * What each call is in miniprogram-ci 2.1.42. `ci.*` is its public API. Its public API cannot set a function's
 * environment variables, timeout or runtime (`ci.cloud.uploadFunction` ignores config.json and makes a missing function
 * as Nodejs8.9 with a 3 s timeout and no variables), so those go through the module uploadFunction itself calls, over
 * the same signed channel with the same key: `miniprogram-ci/dist/common/cloud-api`, the calls uploadFunction makes.
 */
export const API = {
  getFunction: 'miniprogram-ci cloud-api scfGetFunctionInfo (GetFunction)',
  createFunction: 'miniprogram-ci cloud-api scfCreateFunction (CreateFunction)',
  uploadFunction: 'ci.cloud.uploadFunction',
  configureFunction: 'miniprogram-ci cloud-api scfUpdateFunctionInfo (UpdateFunctionConfiguration)',
  createTimeTrigger: 'ci.cloud.createTimeTrigger',
  upload: 'ci.upload',
  preview: 'ci.preview',
} as const satisfies Record<keyof WeChat, string>;
