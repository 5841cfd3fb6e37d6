/** WeChat's official WXML/WXSS compilers wrapped for Node; the package ships no types. */
declare module 'miniprogram-compiler' {
  export function wxmlToJs(rootPath: string, options?: { wxmlList?: string[]; wxsList?: string[] }): string;
  export function wxssToJs(rootPath: string, options?: { wxssList?: string[] }): string;
}

/**
 * The compilers themselves, as the wrappers above call them. `files` are paths relative to `rootPath` without their
 * extension. wcc throws its error (naming the file and line); wcsc returns it — the wrapper then fails on it with
 * an unrelated TypeError, so the WXSS check calls wcsc here to report what wcsc said.
 */
declare module 'miniprogram-compiler/src/wcc' {
  function wcc(rootPath: string, files: string[], wxsFiles: string[], options?: { cut?: boolean }): string;
  export = wcc;
}
declare module 'miniprogram-compiler/src/wcsc' {
  function wcsc(rootPath: string, files: string[]): Record<string, string> | Error;
  export = wcsc;
}
