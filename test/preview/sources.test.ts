import path from 'node:path';
import { framePx } from '../../local/preview/client/units';
import { collectSources } from '../../local/preview/sources';
import { schemeToAttribute, toFrameCss } from '../../local/preview/wxss';

describe('WXSS for the 375-px frame', () => {
  test('rpx is half a px, vh and vw measure the phone, not the browser window', () => {
    expect(framePx('padding: 24rpx 32rpx 64rpx; border-top: 2rpx solid var(--line)')).toBe(
      'padding: 12px 16px 32px; border-top: 1px solid var(--line)',
    );
    expect(framePx('margin: -16rpx 0.5rpx; top: .5rpx')).toBe('margin: -8px 0.25px; top: 0.25px');
    expect(framePx('min-height: 100vh; width: 50vw; height: calc(100vh - 88rpx)')).toBe(
      'min-height: 724px; width: 187.5px; height: calc(724px - 44px)',
    );
    expect(framePx('color: #fff; --td-size-2: 4px; font-size: 14px')).toBe(
      'color: #fff; --td-size-2: 4px; font-size: 14px',
    );
  });

  test('prefers-color-scheme blocks become rules scoped to the frame’s theme attribute', () => {
    const css = `page { --bg: #fff; }
@media (prefers-color-scheme: dark) {
  page { --bg: #111; }
  .care, .page .x { --text: #fff; }
}
.fs-0 { --body: 36rpx; }
@media (prefers-color-scheme:light){.page,page{--c:1}}
@media (min-width: 400px) { .wide { color: red; } }`;
    const out = schemeToAttribute(css);
    expect(out).not.toContain('prefers-color-scheme');
    expect(out).toContain('[data-wx-theme=dark] page{ --bg: #111; }');
    expect(out).toContain('[data-wx-theme=dark] .care,[data-wx-theme=dark] .page .x{ --text: #fff; }');
    expect(out).toContain('[data-wx-theme=light] .page,[data-wx-theme=light] page{--c:1}');
    expect(out).toContain('page { --bg: #fff; }');
    expect(out).toContain('@media (min-width: 400px) { .wide { color: red; } }');
  });

  test('the two together: the app’s own stylesheet has no rpx and no color-scheme query left', () => {
    const out = toFrameCss('@media (prefers-color-scheme: dark) { .fs-2 { --body: 46rpx; } }');
    expect(out.trim()).toBe('[data-wx-theme=dark] .fs-2{ --body: 23px; }');
  });
});

describe('collectSources', () => {
  const sources = collectSources(path.join(__dirname, '../..'));

  test('every page of app.json, with its title and the app stylesheet compiled in', () => {
    expect(sources.pages.map((p) => p.route)).toEqual([
      'pages/installment/index',
      'pages/article/index',
      'pages/search/index',
      'staff/pages/overview/index',
      'staff/pages/ranking/index',
      'staff/pages/article/index',
      'staff/pages/channels/index',
      'staff/pages/export/index',
      'staff/pages/code/index',
      'staff/pages/people/index',
      'staff/pages/issues/index',
    ]);
    expect(sources.pages[0]).toMatchObject({ title: '发言摘登', pullDownRefresh: true });
    const article = sources.files['/pages/article/index.wxss'] ?? '';
    expect(article).toContain('.fs-2');
    expect(article).toContain('[data-wx-theme=dark] page');
    expect(article).not.toMatch(/\drpx/);
  });

  test('the controls are our own components; of TDesign only loading and skeleton, each with its module and template', () => {
    const order = sources.components.map((c) => c.path);
    for (const own of ['ui-button', 'ui-search', 'ui-empty']) expect(order).toContain(`/components/${own}/index`);
    const tdesign = sources.components.filter((c) => c.path.startsWith('/miniprogram_npm/'));
    expect(tdesign.map((c) => c.path.split('/').pop()).sort()).toEqual(['loading', 'skeleton']);
    for (const { path: p, rootPath } of tdesign) {
      expect(rootPath).toBe('/miniprogram_npm/tdesign-miniprogram');
      expect(sources.modules[p]).toMatch(/miniprogram_dist/);
      expect(sources.files[`${p}.json`]).toBeDefined();
      expect(sources.templates.some((t) => `${p}.wxml` in t.wxml)).toBe(true);
    }
    expect(sources.modules['/app']).toMatch(/miniprogram[/\\]app\.ts$/);
  });

  test('subpackage pages (app.json subPackages) are routed under their root, with their own components', () => {
    const overview = sources.pages.find((p) => p.route === 'staff/pages/overview/index');
    expect(overview).toMatchObject({ title: '工作台', pullDownRefresh: true });
    expect(sources.modules['/staff/pages/overview/index']).toMatch(/miniprogram[/\\]staff[/\\]pages[/\\]overview/);
    // The page's @import of the staff stylesheet is in the file map, for simulate to inline.
    expect(sources.files['/staff/common.wxss']).toContain('.figure');
    const own = sources.components.filter((c) => c.rootPath === '/').map((c) => [c.path, c.tags]);
    expect(own).toEqual(
      expect.arrayContaining([
        ['/staff/components/chart/index', ['staff-chart']],
        ['/staff/components/segments/index', ['staff-segments']],
        ['/staff/components/tabs/index', ['staff-tabs']],
      ]),
    );
  });
});
