import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unusedOwnFiles } from '../../scripts/mp/quality';

/** A project as small as can be: app.json with one page whose TypeScript imports a helper. */
function project(extra: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'mp-project-'));
  const files: Record<string, string> = {
    'project.config.json': JSON.stringify({
      miniprogramRoot: 'miniprogram/',
      setting: { useCompilerPlugins: ['typescript'] },
    }),
    'miniprogram/app.json': JSON.stringify({ pages: ['pages/a/index'] }),
    'miniprogram/app.ts': 'App({});',
    'miniprogram/tsconfig.json': '{}',
    'miniprogram/pages/a/index.json': '{}',
    'miniprogram/pages/a/index.wxml': '<view>{{x}}</view>',
    'miniprogram/pages/a/index.ts': "import { x } from '../../utils/x';\nPage({ data: { x } });",
    'miniprogram/utils/x.ts': 'export const x = 1;',
    'miniprogram/utils/x.d.ts': 'export declare const x: number;',
    ...extra,
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('our own unused code files, with TypeScript imports followed', () => {
  let dir = '';
  // The analyser's file watcher says when it has looked at the folder.
  beforeEach(() => jest.spyOn(console, 'log').mockImplementation(() => undefined));
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  test('none when every file is reached from app.json (tsconfig.json and .d.ts are never packaged)', async () => {
    dir = project({});
    expect(await unusedOwnFiles(dir)).toEqual([]);
  });

  test('a file nothing imports and a page app.json no longer lists are named', async () => {
    dir = project({
      'miniprogram/utils/dead.ts': 'export const dead = 1;',
      'miniprogram/pages/gone/index.wxml': '<view/>',
      'miniprogram/pages/gone/index.ts': 'Page({});',
    });
    expect(await unusedOwnFiles(dir)).toEqual(['pages/gone/index.ts', 'pages/gone/index.wxml', 'utils/dead.ts']);
  });
});
