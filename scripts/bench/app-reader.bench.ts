import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { freshApp } from '../../test/miniprogram/support/app';
import { contentCloud } from '../../test/miniprogram/support/cloud';
import { wxMock, wxStub } from '../../test/miniprogram/support/runtime';
import { median, report } from './measure';

const FIRST_RENDER_CALLS = 2;
const FIRST_RENDER_BYTES = 32 * 1024;
const MAIN_PACKAGE_BYTES = 2 * 1024 * 1024;

/** The calls an opening makes; queued background deliveries (track/batch) are not part of it. */
const openingCalls = () =>
  wxMock.cloud.callFunction.mock.calls
    .map(([r]) => `${r.name}/${r.data.action}`)
    .filter((name) => name !== 'track/batch');

test('article page: first render and cloud calls, per speech', async () => {
  wxStub.reset();
  const cloud = await contentCloud();
  wxStub.cloud = cloud.handler;
  const ids = (await cloud.stores.content.getInstallment('esd-01'))?.articles.map((a) => a.id) ?? [];
  const rows = [];
  for (const id of ids) {
    wxMock.cloud.callFunction.mockClear();
    const opened = await freshApp().open('article', { id });
    const load = opened.setDataCalls.filter((c) => !c.keys.includes('fontLabels'));
    const uncachedCalls = openingCalls().length;
    wxMock.cloud.callFunction.mockClear();
    await freshApp().open('article', { id });
    const cached = openingCalls();
    const cachedCalls = cached.length;
    expect(cached.every((name) => name === 'track/read')).toBe(true);
    rows.push({
      id,
      setData: load.length,
      bytes: load.reduce((n, c) => n + c.bytes, 0),
      cloudCalls: uncachedCalls,
      cachedCalls,
    });
  }
  report('article first render', [
    ...rows,
    {
      id: 'median',
      setData: median(rows.map((r) => r.setData)),
      bytes: median(rows.map((r) => r.bytes)),
      cloudCalls: median(rows.map((r) => r.cloudCalls)),
      cachedCalls: median(rows.map((r) => r.cachedCalls)),
    },
  ]);
  for (const row of rows) {
    expect(row.setData).toBeLessThanOrEqual(FIRST_RENDER_CALLS);
    expect(row.bytes).toBeLessThanOrEqual(FIRST_RENDER_BYTES);
    expect(row.cloudCalls).toBe(1);
    // A cached speech needs no content call; its read still goes to `track` (issue 4: one call at most).
    expect(row.cachedCalls).toBeLessThanOrEqual(1);
  }
});

test('home page: data holds summaries only', async () => {
  wxStub.reset();
  wxStub.cloud = (await contentCloud()).handler;
  const { page, setDataCalls } = await freshApp().open('installment');
  const data = JSON.stringify(page.instance.data);
  report('home page data', [{ bytes: Buffer.byteLength(data), setData: setDataCalls.length }]);
  expect(data).not.toContain('"blocks"');
});

function bytesUnder(dir: string, skip: (file: string) => boolean): number {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => !skip(file))
    .map((file) => statSync(path.join(dir, file)))
    .filter((s) => s.isFile())
    .reduce((n, s) => n + s.size, 0);
}

/** The TDesign components the pages use, with the components they use in turn. */
function tdesignComponents(): Set<string> {
  const tdesign = path.join(__dirname, '../../node_modules/tdesign-miniprogram/miniprogram_dist');
  const pages = path.join(__dirname, '../../miniprogram/pages');
  const queue = readdirSync(pages).flatMap((page) =>
    Object.values<string>(JSON.parse(readFileSync(path.join(pages, page, 'index.json'), 'utf8')).usingComponents ?? {})
      .filter((p) => p.startsWith('tdesign-miniprogram/'))
      .map((p) => path.dirname(p.replace('tdesign-miniprogram/', ''))),
  );
  const seen = new Set<string>();
  while (queue.length) {
    const dir = queue.pop() as string;
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const file of readdirSync(path.join(tdesign, dir)).filter((f) => f.endsWith('.json'))) {
      const using = JSON.parse(readFileSync(path.join(tdesign, dir, file), 'utf8')).usingComponents ?? {};
      for (const p of Object.values<string>(using)) queue.push(path.normalize(path.join(dir, path.dirname(p))));
    }
  }
  return seen;
}

/** Subpackage roots (app.json subPackages): not part of the main package, measured on their own. */
const SUBPACKAGES = ['staff'];
const inSubpackage = (file: string) =>
  SUBPACKAGES.some((root) => file.startsWith(`${root}${path.sep}`) || file === root);

test('main package size', () => {
  const root = path.join(__dirname, '../../miniprogram');
  const own = bytesUnder(
    root,
    (f) => f.startsWith('miniprogram_npm') || f.endsWith('tsconfig.json') || inSubpackage(f) || f.endsWith('.d.ts'),
  );
  const tdesign = path.join(__dirname, '../../node_modules/tdesign-miniprogram/miniprogram_dist');
  const components = tdesignComponents();
  const used = [...components, 'common'].reduce((n, dir) => n + bytesUnder(path.join(tdesign, dir), () => false), 0);
  const subpackages = SUBPACKAGES.map((sub) => ({
    part: `subpackage ${sub}/ (not in the main package)`,
    bytes: bytesUnder(path.join(root, sub), (f) => f.endsWith('.d.ts')),
  }));
  report('main package (TypeScript sources stand in for their compiled JS; npm run size compiles it)', [
    { part: 'app code and assets', bytes: own },
    { part: `TDesign: ${[...components].sort().join(', ')} + common`, bytes: used },
    { part: 'total', bytes: own + used },
    ...subpackages,
  ]);
  expect(own + used).toBeLessThan(MAIN_PACKAGE_BYTES);
  for (const sub of subpackages) expect(sub.bytes).toBeLessThan(MAIN_PACKAGE_BYTES);
});
