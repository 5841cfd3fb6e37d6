import type { Project } from 'miniprogram-ci';

export type MiniprogramCi = typeof import('miniprogram-ci');

/** miniprogram-ci, loaded when first needed: it takes seconds to load. */
export const loadCi = (): Promise<MiniprogramCi> => import('miniprogram-ci');

/**
 * The project as miniprogram-ci sees it, offline: compiling and scanning sign nothing, so the private key is a
 * placeholder, and the account's attributes (its limits), which would be fetched from WeChat, are the defaults.
 */
export function offlineProject(ci: MiniprogramCi, projectPath: string): Project {
  return new ci.Project({
    appid: 'touristappid',
    type: 'miniProgram',
    projectPath,
    privateKey: 'offline',
    ignores: ['node_modules/**/*', 'cloudfunctions/**/*'],
    attr: async () => ci.DefaultProjectAttr,
  } as ConstructorParameters<MiniprogramCi['Project']>[0]);
}
