import { execFileSync } from 'node:child_process';

export interface Revision {
  /** The commit checked out (12 hex digits), or 'unknown' outside a git checkout. */
  commit: string;
  subject: string;
  /** Files changed and not committed (untracked ones too): what is uploaded is then no commit. */
  dirty: boolean;
}

const git = (root: string, args: string[]): string =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();

/** What the working tree is: the commit a version is uploaded from, so that a tag can be deployed again. */
export function revisionOf(root: string): Revision {
  try {
    return {
      commit: git(root, ['rev-parse', '--short=12', 'HEAD']),
      subject: git(root, ['log', '-1', '--format=%s']),
      dirty: git(root, ['status', '--porcelain']) !== '',
    };
  } catch {
    return { commit: 'unknown', subject: '', dirty: true };
  }
}
