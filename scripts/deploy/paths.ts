import path from 'node:path';

/** Everything the deploy keeps for itself, git-ignored: staged uploads, the secret, what was last uploaded. */
export const DEPLOY_DIR = '.deploy';

export interface Workspace {
  /** The repository: sources, the build, package.json. */
  root: string;
  /** Where the deploy keeps its own files (`<root>/.deploy` from the CLI). */
  dir: string;
}

export const stagedFunctionDir = (ws: Workspace, name: string): string => path.join(ws.dir, 'functions', name);
export const stagedAppDir = (ws: Workspace): string => path.join(ws.dir, 'app');
export const npmCacheDir = (ws: Workspace): string => path.join(ws.dir, 'npm');
export const secretsFile = (ws: Workspace): string => path.join(ws.dir, 'secrets.json');
export const stateFile = (ws: Workspace): string => path.join(ws.dir, 'state.json');
export const previewQrcodeFile = (ws: Workspace): string => path.join(ws.dir, 'preview-qrcode.jpg');
