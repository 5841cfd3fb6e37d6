import path from 'node:path';
import { type BuildContext, type BuildResult, context, type Plugin } from 'esbuild';
import { collectSources } from './sources';

const VIRTUAL = 'wx-preview:app';

/**
 * `wx-preview:app`: the mini-program as the browser client loads it. Each component's module is a function that
 * `require`s its TypeScript (or TDesign's JS), so esbuild bundles them all once — one store instance for every
 * page — while each still runs only when simulate loads that component, as WeChat runs a component's JS.
 */
function appSources(repoRoot: string): Plugin {
  return {
    name: 'wx-preview-app',
    setup(build) {
      build.onResolve({ filter: /^wx-preview:app$/ }, () => ({ path: VIRTUAL, namespace: 'wx-preview' }));
      build.onLoad({ filter: /.*/, namespace: 'wx-preview' }, () => {
        const sources = collectSources(repoRoot);
        const modules = Object.entries(sources.modules)
          .map(([virtual, file]) => `  ${JSON.stringify(virtual)}: () => { require(${JSON.stringify(file)}); },`)
          .join('\n');
        const contents = [
          `export const modules = {\n${modules}\n};`,
          `export const files = ${JSON.stringify(sources.files)};`,
          `export const templates = ${JSON.stringify(sources.templates)};`,
          `export const components = ${JSON.stringify(sources.components)};`,
          `export const pages = ${JSON.stringify(sources.pages)};`,
          `export const app = ${JSON.stringify(sources.app)};`,
        ].join('\n');
        return {
          contents,
          loader: 'js',
          resolveDir: repoRoot,
          watchFiles: sources.watchFiles,
          watchDirs: [
            path.join(repoRoot, 'miniprogram'),
            path.join(repoRoot, 'miniprogram', 'pages'),
            path.join(repoRoot, 'miniprogram', 'staff', 'pages'),
          ],
        };
      });
    },
  };
}

/**
 * The staff subpackage's uCharts is build output (scripts/build/vendor.ts, git-ignored): the preview bundles the
 * package's ES module itself, so it runs without `npm run build`.
 */
function vendored(repoRoot: string): Plugin {
  return {
    name: 'wx-preview-vendor',
    setup(build) {
      const vendorFile = path.join(repoRoot, 'miniprogram/staff/vendor/u-charts');
      build.onResolve({ filter: /(^|\/)vendor\/u-charts$/ }, (args) =>
        path.resolve(args.resolveDir, args.path) === vendorFile
          ? { path: path.join(repoRoot, 'node_modules/@qiun/ucharts/u-charts.js') }
          : undefined,
      );
    },
  };
}

export interface Bundle {
  js: string;
  map: string;
}

/** The browser bundle (shell, wx shim, the app's pages and stores, TDesign), kept in memory. */
export async function createBundler(
  repoRoot: string,
  onBuild: (result: { bundle: Bundle | null; errors: string[] }) => void,
): Promise<BuildContext> {
  const ctx = await context({
    entryPoints: [path.join(repoRoot, 'local/preview/client/main.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome110',
    outfile: path.join(repoRoot, '.preview/app.js'),
    write: false,
    sourcemap: 'linked',
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
    plugins: [
      appSources(repoRoot),
      vendored(repoRoot),
      {
        name: 'wx-preview-result',
        setup(build) {
          build.onEnd((result: BuildResult) => {
            const errors = result.errors.map((e) =>
              e.location ? `${e.location.file}:${e.location.line}: ${e.text}` : e.text,
            );
            const js = result.outputFiles?.find((f) => f.path.endsWith('.js'))?.text;
            const map = result.outputFiles?.find((f) => f.path.endsWith('.map'))?.text ?? '';
            onBuild({ bundle: errors.length === 0 && js ? { js, map } : null, errors });
          });
        },
      },
    ],
  });
  return ctx;
}
