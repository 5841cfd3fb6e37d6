import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { wxmlToJs } from 'miniprogram-compiler';
import { toFrameCss } from './wxss';

/**
 * Everything the browser needs to run the mini-program through miniprogram-simulate, read from the same
 * files DevTools uses: every page and component of app.json (the main package's and every subpackage's), and the npm
 * components they use (TDesign).
 * Paths are the mini-program's own (`/pages/article/index`, `/miniprogram_npm/tdesign-miniprogram/button/button`).
 */
export interface PreviewSources {
  /** Virtual path → file text: every component's .json and .wxss (WXSS already converted for the frame). */
  files: Record<string, string>;
  /** WXML compiled by WeChat's wcc, one program per root; `wxml` maps a virtual .wxml path to its path in the root. */
  templates: Array<{ code: string; wxml: Record<string, string> }>;
  /** Virtual path (no extension) → the TypeScript or JavaScript file that defines it. */
  modules: Record<string, string>;
  /**
   * Every component the pages use (TDesign's, and the app's own), each before the components that use it, with
   * the tags it is used under: each is loaded once and handed to the pages by tag.
   */
  components: Array<{ path: string; rootPath: string; tags: string[] }>;
  /** The main package's pages in app.json order, then each subpackage's (`<root>/<page>`, as WeChat routes them). */
  pages: Array<{ route: string; title: string | null; pullDownRefresh: boolean }>;
  /** Where each root (`/`, `/miniprogram_npm/<package>`) is on disk. */
  roots: Record<string, string>;
  app: { window: Record<string, string>; theme: Record<string, Record<string, string>> | null; libVersion: string };
  /** Every file read, for esbuild's watch mode. */
  watchFiles: string[];
}

interface ComponentJson {
  usingComponents?: Record<string, string>;
  navigationBarTitleText?: string;
  enablePullDownRefresh?: boolean;
}

/** Where a virtual root lives on disk, and how wcc compiles it. */
interface Root {
  virtual: string;
  dir: string;
  wxml: Set<string>;
  wxs: Set<string>;
}

const SOURCE_EXTENSIONS = ['.ts', '.js'];
const TEMPLATE_REF = /<(import|include|wxs)\s[^>]*?src\s*=\s*["']([^"']+)["']/g;

export function collectSources(repoRoot: string): PreviewSources {
  const appDir = path.join(repoRoot, 'miniprogram');
  const watchFiles = new Set<string>();
  const read = (file: string): string => {
    watchFiles.add(file);
    return readFileSync(file, 'utf8');
  };
  const readJson = <T>(file: string): T => JSON.parse(read(file)) as T;

  const files: Record<string, string> = {};
  const modules: Record<string, string> = {};
  const roots = new Map<string, Root>();
  const appRoot: Root = { virtual: '', dir: appDir, wxml: new Set(), wxs: new Set() };
  roots.set('', appRoot);

  const appJson = readJson<AppJson>(path.join(appDir, 'app.json'));
  const theme = appJson.themeLocation
    ? readJson<Record<string, Record<string, string>>>(path.join(appDir, appJson.themeLocation))
    : null;
  const project = readJson<{ libVersion?: string }>(path.join(repoRoot, 'project.config.json'));
  modules['/app'] = sourceFile(path.join(appDir, 'app'));
  const appWxss = read(path.join(appDir, 'app.wxss'));

  const tagsOf = new Map<string, Set<string>>();
  const pathOfTag = new Map<string, string>();
  const componentOrder: Array<{ path: string; rootPath: string }> = [];
  const visited = new Set<string>();
  /** Components whose dependencies are being visited (a cycle is loaded in the order it is found). */
  const entered = new Set<string>();

  /** The root an npm package's components live in, as DevTools' miniprogram_npm has it. */
  function npmRoot(pkg: string): Root {
    const virtual = `/miniprogram_npm/${pkg}`;
    let root = roots.get(virtual);
    if (!root) {
      const pkgDir = path.join(repoRoot, 'node_modules', pkg);
      const manifest = readJson<{ miniprogram?: string }>(path.join(pkgDir, 'package.json'));
      root = {
        virtual,
        dir: path.join(pkgDir, manifest.miniprogram ?? 'miniprogram_dist'),
        wxml: new Set(),
        wxs: new Set(),
      };
      roots.set(virtual, root);
    }
    return root;
  }

  /** A component or page at `virtual` in `root`: its JSON, module, template and styles. */
  function visit(root: Root, virtual: string, extraWxss = ''): ComponentJson {
    visited.add(virtual);
    const relative = virtual.slice(root.virtual.length + 1);
    const disk = path.join(root.dir, relative);
    const json = readJson<ComponentJson>(`${disk}.json`);
    files[`${virtual}.json`] = JSON.stringify(json);
    modules[virtual] = sourceFile(disk);
    addTemplate(root, `${relative}.wxml`);
    const wxss = existsSync(`${disk}.wxss`) ? read(`${disk}.wxss`) : '';
    files[`${virtual}.wxss`] = toFrameCss(extraWxss + wxss);
    addImports(root, path.posix.dirname(relative), wxss);

    return json;
  }

  /** Where a `usingComponents` entry points: a path in the same root, or a component of an npm package. */
  function resolveComponent(root: Root, from: string, target: string): { root: Root; virtual: string } {
    if (target.startsWith('plugin://')) throw new Error(`${from}: plugins are not supported by the preview`);
    if (target.startsWith('/')) return { root, virtual: root.virtual + target };
    if (target.startsWith('.')) return { root, virtual: path.posix.join(path.posix.dirname(from), target) };
    const [scope, ...rest] = target.split('/');
    const pkg = scope?.startsWith('@') ? `${scope}/${rest.shift()}` : (scope ?? '');
    const dep = npmRoot(pkg);
    return { root: dep, virtual: `${dep.virtual}/${rest.join('/')}` };
  }

  function visitUses(root: Root, from: string, json: ComponentJson): void {
    for (const [tag, target] of Object.entries(json.usingComponents ?? {})) {
      const dep = resolveComponent(root, from, target);
      visitComponent(dep.root, dep.virtual, tag);
    }
  }

  /**
   * Components are loaded one by one, each after those it uses, under the tags their users give them: simulate
   * would otherwise register (and run the module of) a component once for every page that uses it.
   */
  function visitComponent(root: Root, virtual: string, tag: string): void {
    const known = pathOfTag.get(tag);
    if (known && known !== virtual) throw new Error(`preview: <${tag}> names both ${known} and ${virtual}`);
    pathOfTag.set(tag, virtual);
    tagsOf.set(virtual, (tagsOf.get(virtual) ?? new Set<string>()).add(tag));
    if (visited.has(virtual) || entered.has(virtual)) return;
    entered.add(virtual);
    const disk = path.join(root.dir, virtual.slice(root.virtual.length + 1));
    visitUses(root, virtual, readJson<ComponentJson>(`${disk}.json`));
    visit(root, virtual);
    componentOrder.push({ path: virtual, rootPath: root.virtual || '/' });
  }

  function addTemplate(root: Root, relative: string): void {
    if (root.wxml.has(relative)) return;
    root.wxml.add(relative);
    const text = read(path.join(root.dir, relative));
    for (const [, kind, src] of text.matchAll(TEMPLATE_REF)) {
      if (!src) continue;
      const target = path.posix.normalize(
        src.startsWith('/') ? src.slice(1) : path.posix.join(path.posix.dirname(relative), src),
      );
      if (kind === 'wxs') root.wxs.add(target);
      else addTemplate(root, target.endsWith('.wxml') ? target : `${target}.wxml`);
    }
  }

  /** WXSS @import'ed files go into the file map too: simulate inlines them itself. */
  function addImports(root: Root, dir: string, wxss: string): void {
    for (const [, src] of wxss.matchAll(/@import\s+["']([^"']+)["']/g)) {
      if (!src) continue;
      const relative = path.posix.normalize(src.startsWith('/') ? src.slice(1) : path.posix.join(dir, src));
      const key = `${root.virtual}/${relative}`;
      if (key in files) continue;
      const text = read(path.join(root.dir, relative));
      files[key] = toFrameCss(text);
      addImports(root, path.posix.dirname(relative), text);
    }
  }

  const pages = routesOf(appJson).map((route) => {
    // In WeChat app.wxss applies to every page; here it is compiled with each page, under the page's class prefix.
    const json = visit(appRoot, `/${route}`, `${appWxss}\n`);
    visitUses(appRoot, `/${route}`, json);
    return {
      route,
      title: json.navigationBarTitleText ?? null,
      pullDownRefresh: json.enablePullDownRefresh === true,
    };
  });

  const templates = [...roots.values()].map((root) => {
    const code = wxmlToJs(root.dir, { wxmlList: [...root.wxml], wxsList: [...root.wxs] });
    const wxml = Object.fromEntries([...root.wxml].map((file) => [`${root.virtual}/${file}`, file]));
    return { code, wxml };
  });
  for (const root of roots.values()) {
    for (const file of root.wxs) watchFiles.add(path.join(root.dir, file));
  }

  return {
    files,
    templates,
    modules,
    components: componentOrder.map((c) => ({ ...c, tags: [...(tagsOf.get(c.path) ?? [])] })),
    pages,
    roots: Object.fromEntries([...roots.values()].map((root) => [root.virtual || '/', root.dir])),
    app: { window: appJson.window ?? {}, theme, libVersion: project.libVersion ?? '3.0.0' },
    watchFiles: [...watchFiles].filter((file) => !file.includes(`${path.sep}node_modules${path.sep}`)),
  };
}

interface AppJson {
  pages: string[];
  /** WeChat reads either spelling. */
  subPackages?: Array<{ root: string; pages: string[] }>;
  subpackages?: Array<{ root: string; pages: string[] }>;
  window?: Record<string, string>;
  themeLocation?: string;
}

/** Every page route: the main package's, then each subpackage's pages under its root. */
export function routesOf(appJson: AppJson): string[] {
  const subpackages = appJson.subPackages ?? appJson.subpackages ?? [];
  return [
    ...appJson.pages,
    ...subpackages.flatMap(({ root, pages }) => pages.map((page) => path.posix.join(root, page))),
  ];
}

function sourceFile(withoutExtension: string): string {
  for (const ext of SOURCE_EXTENSIONS) {
    if (existsSync(withoutExtension + ext)) return withoutExtension + ext;
  }
  throw new Error(`no .ts or .js for ${withoutExtension}`);
}
