/**
 * miniprogram-ci's code analyser (what its code-quality scan runs), which it ships with typings under dist/@types
 * but does not export: scripts/mp/quality.ts runs it with the project's compiler plugins.
 */
declare module 'miniprogram-ci/dist/common/code-analyse' {
  export * from 'miniprogram-ci/dist/@types/common/code-analyse';
}
