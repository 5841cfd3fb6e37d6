import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import wcc from 'miniprogram-compiler/src/wcc';
import wcsc from 'miniprogram-compiler/src/wcsc';

export interface TemplateFailure {
  /** The file, relative to the mini-program root. */
  file: string;
  /** What the compiler said (file, line and column included). */
  message: string;
}

export interface TemplateCheck {
  wxml: string[];
  wxss: string[];
  failures: TemplateFailure[];
}

/** The project's own WXML or WXSS files (packed npm packages are TDesign's), relative, with forward slashes. */
export function sourcesOf(root: string, ext: '.wxml' | '.wxss'): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => file.endsWith(ext) && !file.startsWith('miniprogram_npm/'))
    .sort();
}

const withoutExt = (file: string): string => file.slice(0, -path.extname(file).length);
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).trim();

/** One compiler run over some files: its complaint, or null. */
type Run = (dir: string, files: string[]) => string | null;

const runWcc: Run = (dir, files) => {
  try {
    wcc(dir, files.map(withoutExt), []);
    return null;
  } catch (error) {
    return messageOf(error);
  }
};

const runWcsc: Run = (dir, files) => {
  const result = wcsc(dir, files.map(withoutExt));
  return result instanceof Error ? messageOf(result) : null;
};

/** All files at once (as DevTools compiles them); when that fails, each file alone, to name every broken one. */
function check(dir: string, files: string[], run: Run): TemplateFailure[] {
  const all = run(dir, files);
  if (all === null) return [];
  const failures = files.flatMap((file) => {
    const message = run(dir, [file]);
    return message === null ? [] : [{ file, message }];
  });
  // A failure no single file shows (files that break only together) is still a failure.
  return failures.length > 0 ? failures : [{ file: files.join(', '), message: all }];
}

/**
 * Every WXML file through wcc and every WXSS file through wcsc, WeChat's own compilers, as DevTools would run
 * them. They compile a copy without the .json files: wcc would otherwise chase the npm component paths that only
 * DevTools resolves.
 */
export function checkTemplates(root: string): TemplateCheck {
  const wxml = sourcesOf(root, '.wxml');
  const wxss = sourcesOf(root, '.wxss');
  const dir = mkdtempSync(path.join(tmpdir(), 'wx-compile-'));
  try {
    for (const file of [...wxml, ...wxss]) cpSync(path.join(root, file), path.join(dir, file));
    return { wxml, wxss, failures: [...check(dir, wxml, runWcc), ...check(dir, wxss, runWcsc)] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
