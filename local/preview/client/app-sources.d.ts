/** The virtual module local/preview/bundle.ts generates from the mini-program's files (see sources.ts). */
declare module 'wx-preview:app' {
  /** Virtual path → .json / .wxss text. */
  export const files: Record<string, string>;
  /** WeChat-compiled WXML programs: `code` returns `$gwx`; `wxml` maps virtual .wxml paths to their path in it. */
  export const templates: Array<{ code: string; wxml: Record<string, string> }>;
  /** Virtual path → runs that module (once: later calls do nothing) — its `Component(...)`/`App(...)` call. */
  export const modules: Record<string, () => void>;
  /** Every component the pages use, each before its users, loaded once and given to pages by tag. */
  export const components: Array<{ path: string; rootPath: string; tags: string[] }>;
  export const pages: Array<{ route: string; title: string | null; pullDownRefresh: boolean }>;
  export const app: {
    window: Record<string, string>;
    theme: Record<string, Record<string, string>> | null;
    libVersion: string;
  };
}
