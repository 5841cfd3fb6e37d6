/** WeChat's official WXML/WXSS compilers wrapped for Node; the package ships no types. */
declare module 'miniprogram-compiler' {
  export function wxmlToJs(rootPath: string, options?: { wxmlList?: string[]; wxsList?: string[] }): string;
  export function wxssToJs(rootPath: string, options?: { wxssList?: string[] }): string;
}
