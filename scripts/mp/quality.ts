import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Analyzer, type ICompilerPlugin } from 'miniprogram-ci/dist/common/code-analyse';
import { loadCi, offlineProject } from './project';

export interface QualityItem {
  /** The scan's name for it, e.g. WXML_COMPRESS_OPEN. */
  name: string;
  success: boolean;
  /** What DevTools says of it. */
  text: string;
  /** Files or figures behind a failure, when the scan gives them. */
  detail: string[];
}

/** The scan reports each of these as `text` whatever the outcome; its Chinese titles say what is checked. */
const TITLES: Record<string, string> = {
  PACKAGE_SIZE_LIMIT: '主包尺寸（不含插件）小于 1.5 MB',
  JS_COMPRESS_OPEN: 'JS 压缩（setting.minified）',
  WXML_COMPRESS_OPEN: 'WXML 压缩（setting.minifyWXML）',
  WXSS_COMPRESS_OPEN: 'WXSS 压缩（setting.minifyWXSS）',
  LAZYCODE_LOADING_OPEN: '组件按需注入（app.json lazyCodeLoading）',
  IMAGE_AND_AUDIO_LIMIT: '图片和音频资源不超过 200 KB',
  CONTAINS_OTHER_PKG_JS: '主包内没有只被分包使用的 JS',
  CONTAINS_OTHER_PKG_COMPONENTS: '主包内没有只被分包使用的组件',
  CONTAINS_UNUSED_PLUGINS: '没有未使用的插件',
  CONTAINS_UNUSED_COMPONENTS: '没有未使用的组件',
  CONTAINS_UNUSED_CODES: '没有无依赖的代码文件',
};

const list = (detail: unknown): string[] => {
  if (Array.isArray(detail)) return detail.map(String);
  if (detail !== null && typeof detail === 'object') {
    const files = (detail as { files?: unknown }).files;
    if (Array.isArray(files)) return files.map(String);
    return Object.entries(detail).map(([k, v]) => `${k}: ${String(v)}`);
  }
  return [];
};

/** DevTools' code-quality scan (代码质量), offline: every item it checks, as it reports them. */
export async function codeQuality(projectPath: string): Promise<QualityItem[]> {
  const ci = await loadCi();
  const items = await ci.checkCodeQuality(offlineProject(ci, projectPath));
  return items.map((item) => ({
    name: item.name ?? '?',
    success: item.success === true,
    text: TITLES[item.name ?? ''] ?? item.text ?? '',
    detail: item.success === true ? [] : list(item.detail),
  }));
}

/** Files the TypeScript compiler reads but never packages: they are never "used" by a page. */
const TYPESCRIPT_ONLY = (file: string): boolean =>
  file.endsWith('.d.ts') || path.posix.basename(file) === 'tsconfig.json';
const CODE = /\.(json|wxml|wxss|js|wxs|ts|less|sass|scss)$/;

/**
 * Our own code files that no page, component or app file depends on. The scan's own CONTAINS_UNUSED_CODES passes
 * whenever ignoreUploadUnusedFiles is on, and it analyses without the project's compiler plugins, so it cannot follow
 * a TypeScript import (it calls uCharts unused, and would miss a dead page). This runs the scan's analyser with the
 * plugins project.config.json names. miniprogram_npm is left out: its unused files are dropped at upload.
 */
export async function unusedOwnFiles(projectPath: string): Promise<string[]> {
  const config = JSON.parse(readFileSync(path.join(projectPath, 'project.config.json'), 'utf8')) as {
    miniprogramRoot?: string;
    setting?: { useCompilerPlugins?: ICompilerPlugin[] };
  };
  const analyzer = new Analyzer({
    root: path.join(projectPath, config.miniprogramRoot ?? ''),
    type: 'miniprogram',
    compilerPlugins: config.setting?.useCompilerPlugins ?? [],
  });
  try {
    await analyzer.analyse();
    const files = analyzer.serialize()?.files ?? [];
    return files
      .filter((f) => f.moduleId === null && CODE.test(f.path))
      .map((f) => f.path)
      .filter((f) => !f.startsWith('miniprogram_npm/') && !TYPESCRIPT_ONLY(f))
      .sort();
  } finally {
    // Its file watcher would keep the process alive.
    analyzer.destroy();
  }
}
