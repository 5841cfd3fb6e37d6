import { existsSync } from 'node:fs';
import path from 'node:path';
import { type CompiledFiles, type PackageSize, sizesOf, subpackageRoots } from './packages';
import { loadCi, offlineProject } from './project';

export interface Compiled {
  files: CompiledFiles;
  roots: string[];
  sizes: PackageSize[];
}

/** What `npm run build` makes that the package needs: without it the compile would silently leave them out. */
const BUILD_OUTPUT = ['miniprogram/miniprogram_npm', 'miniprogram/staff/vendor/u-charts.js'];

/**
 * The packages as WeChat would receive them: miniprogram-ci compiles the project offline (TypeScript, WXSS, WXML,
 * the packed npm packages; files no page uses left out, as project.config.json's ignoreUploadUnusedFiles says),
 * with the project's own settings (minification among them), and the files are summed per package.
 */
export async function compilePackages(projectPath: string): Promise<Compiled> {
  const missing = BUILD_OUTPUT.filter((p) => !existsSync(path.join(projectPath, p)));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: run \`npm run build\` first`);
  const ci = await loadCi();
  const files = await ci.getCompiledResult({
    project: offlineProject(ci, projectPath),
    version: '0.0.0',
    setting: { useProjectConfig: true },
    onProgressUpdate: () => undefined,
  });
  const roots = subpackageRoots(projectPath);
  return { files, roots, sizes: sizesOf(files, roots) };
}
