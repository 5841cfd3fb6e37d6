import type { DeployConfig } from './config';
import type { Revision } from './git';
import type { Workspace } from './paths';
import type { State } from './state';
import type { WeChat } from './wechat';

/** What every step is given. */
export interface DeployContext {
  ws: Workspace;
  config: DeployConfig;
  /** The recorder in a dry run. */
  wechat: WeChat;
  /** Nothing is sent to WeChat and nothing is kept (secret, state); staging and building still happen. */
  dryRun: boolean;
  /** Upload and set what is unchanged too; replace a secret that differs from the cloud's. */
  force: boolean;
  log: (line: string) => void;
  now: () => Date;
  revision: Revision;
  /** Loaded once; each step saves it after each change it made (never in a dry run). */
  state: State;
  saveState: () => Promise<void>;
  /** Bundles the functions (scripts/build/functions.ts); one line per bundle. */
  buildFunctions: (root: string) => Promise<string[]>;
  /** Told what needs a person's attention; printed again at the end. */
  warn: (line: string) => void;
}
