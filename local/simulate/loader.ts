/**
 * Registers the mini-program with a miniprogram-simulate instance, for the browser preview and the page tests
 * alike: every component the pages use (as local/preview/sources.ts discovers them from usingComponents), each once
 * and before the components that use it, under the tags its users give it; then every page, given those by tag.
 */
import { forwardClassToExternalClass } from './external-class';

export interface AppSources {
  components: ReadonlyArray<{ path: string; rootPath: string; tags: readonly string[] }>;
  pages: ReadonlyArray<{ route: string }>;
}

/** What the loader needs of miniprogram-simulate (its node build or its browser build). */
export interface Simulate {
  load(path: string, tagName: string, options: { rootPath: string; usingComponents: Record<string, string> }): string;
  render(id: string): unknown;
}

export interface LoaderOptions {
  /** Where simulate finds a mini-program path: the path itself in the browser's file map, a file in node. */
  locate?: (virtualPath: string) => string;
  /** Told each component's id once it is registered. */
  registered?: (id: string) => void;
}

export interface LoadedApp<R> {
  /** Component ids of the pages, by route. */
  pageIds: ReadonlyMap<string, string>;
  render(route: string): R;
}

/** miniprogram-simulate prefixes a page's classes with its tag: pages/article/index → pages-article-index--. */
export const pageTag = (route: string): string => route.replace(/[^a-z0-9]+/gi, '-').toLowerCase();

export function registerApp<S extends Simulate>(
  simulate: S,
  sources: AppSources,
  { locate = (p) => p, registered }: LoaderOptions = {},
): LoadedApp<ReturnType<S['render']>> {
  forwardClassToExternalClass();
  const byTag: Record<string, string> = {};
  for (const { path, rootPath, tags } of sources.components) {
    const [tag = 'main'] = tags;
    const id = simulate.load(locate(path), tag, { rootPath: locate(rootPath), usingComponents: { ...byTag } });
    for (const t of tags) byTag[t] = id;
    registered?.(id);
  }
  const pageIds = new Map<string, string>();
  for (const { route } of sources.pages) {
    const id = simulate.load(locate(`/${route}`), pageTag(route), { rootPath: locate('/'), usingComponents: byTag });
    pageIds.set(route, id);
  }
  return {
    pageIds,
    render(route) {
      const id = pageIds.get(route);
      if (!id) throw new Error(`no page ${route} in app.json`);
      return simulate.render(id) as ReturnType<S['render']>;
    },
  };
}
