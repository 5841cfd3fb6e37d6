import { call, freshApp } from './support/app';
import { contentCloud } from './support/cloud';
import { wxMock, wxStub } from './support/runtime';

let id: string;

beforeEach(async () => {
  wxStub.reset();
  const cloud = await contentCloud();
  wxStub.cloud = cloud.handler;
  id = (await cloud.stores.content.getInstallment('esd-01'))?.articles[4]?.id as string;
  // jsdom lays nothing out: give the page a height, as a phone would.
  jest.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    bottom: 4000,
    right: 375,
    width: 375,
    height: 4000,
    toJSON: () => ({}),
  });
});

afterEach(() => jest.restoreAllMocks());

test('the progress bar follows scrolling without a setData per scroll event', async () => {
  const app = freshApp();
  const { page, setDataCalls } = await app.open('article', { id });
  const before = setDataCalls.length;
  for (let top = 0; top <= 3300; top += 33) call(page, 'onPageScroll', { scrollTop: top });
  await new Promise((r) => setTimeout(r, 450));
  await app.settle();
  const progressUpdates = setDataCalls.slice(before).filter((c) => c.keys.includes('progress'));
  expect(progressUpdates.length).toBeGreaterThan(0);
  expect(progressUpdates.length).toBeLessThanOrEqual(3);
  expect(page.instance.data.progress).toBe(100);
});

test('returning to a speech restores where the reader left off', async () => {
  const first = await freshApp().open('article', { id });
  call(first.page, 'onPageScroll', { scrollTop: 1234 });
  call(first.page, 'onUnload');
  wxMock.pageScrollTo.mockClear();

  await freshApp().open('article', { id });
  expect(wxMock.pageScrollTo).toHaveBeenCalledWith(expect.objectContaining({ scrollTop: 1234 }));
});

/**
 * A page laid out as a phone would, in page pixels: the title and the font bar at the top, then the speech's blocks,
 * each taller at a larger type size. Rects are on the screen, so they move up as the page scrolls by `scrolled()`.
 */
const BLOCKS_FROM = 300;
const blockHeight = (step: number) => 60 + 20 * step;
function layOut(scrolled: () => number) {
  const hasClass = (el: Element | null, name: string) =>
    (el?.getAttribute('class') ?? '').split(/\s+/).some((c) => c.endsWith(`--${name}`));
  jest.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    let root: Element | null = this;
    while (root && !hasClass(root, 'page')) root = root.parentElement;
    const step = Number(/--fs-(\d)/.exec(root?.getAttribute('class') ?? '')?.[1] ?? 0);
    let top = 0;
    let height = 0;
    if (hasClass(this, 'page')) height = 100_000;
    else if (hasClass(this, 'title')) [top, height] = [10, 80 + 10 * step];
    else if (hasClass(this, 'font-bar')) [top, height] = [200, 60];
    else if (hasClass(this.parentElement, 'body')) {
      const index = Array.from(this.parentElement?.children ?? []).indexOf(this);
      [top, height] = [BLOCKS_FROM + index * blockHeight(step), blockHeight(step)];
    }
    const y = top - scrolled();
    return { x: 0, y, top: y, left: 0, bottom: y + height, right: 375, width: 375, height, toJSON: () => ({}) };
  });
}

describe('the type size, changed halfway down', () => {
  test('from the bottom bar, keeps the paragraph at the top of the screen there, as far into it as before', async () => {
    let scrolled = 0;
    layOut(() => scrolled);
    const app = freshApp();
    const { page } = await app.open('article', { id });
    // Reading block 12, a third of it already above the top of the screen.
    scrolled = BLOCKS_FROM + 12 * blockHeight(0) + 20;
    call(page, 'onPageScroll', { scrollTop: scrolled });
    wxMock.pageScrollTo.mockClear();

    page.querySelector('.reader-font')?.dispatchEvent('tap');
    await app.settle();
    page.querySelectorAll('.panel-step')[3]?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.fs-3')).toBeTruthy();
    const at3 = BLOCKS_FROM + 12 * blockHeight(3) + blockHeight(3) / 3;
    expect(wxMock.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ scrollTop: at3 }));

    // And back to 标准 from there.
    scrolled = at3;
    page.querySelectorAll('.panel-step')[0]?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.fs-0')).toBeTruthy();
    expect(wxMock.pageScrollTo).toHaveBeenLastCalledWith(
      expect.objectContaining({ scrollTop: BLOCKS_FROM + 12 * blockHeight(0) + 20 }),
    );
  });

  test('at the top of the speech, the title stays where it is', async () => {
    const scrolled = 0;
    layOut(() => scrolled);
    const app = freshApp();
    const { page } = await app.open('article', { id });
    wxMock.pageScrollTo.mockClear();
    page.querySelectorAll('.font-step')[2]?.dispatchEvent('tap');
    await app.settle();
    expect(page.querySelector('.fs-2')).toBeTruthy();
    expect(wxMock.pageScrollTo.mock.calls.every(([o]) => o.scrollTop === 0)).toBe(true);
  });
});

describe('opened from a search hit', () => {
  const hitOf = async (q: string) => {
    const cloud = await contentCloud();
    const res = (await cloud.handler({ name: 'content', data: { action: 'search', input: { q } } })) as {
      data: { hits: Array<{ articleId: string; blockId?: string; field: string }> };
    };
    return res.data.hits[0] as { articleId: string; blockId?: string; field: string };
  };

  test('in the body: jumps to the paragraph and marks it and the word, until the reader scrolls away', async () => {
    let scrolled = 0;
    layOut(() => scrolled);
    const hit = await hitOf('科普');
    const app = freshApp();
    const { page } = await app.open('article', {
      id: hit.articleId,
      b: hit.blockId as string,
      q: '%E7%A7%91%E6%99%AE',
    });
    const blocks = Array.from(page.querySelector('.body')?.dom?.children ?? []);
    const index = blocks.findIndex((b) => b.textContent?.includes('科普'));
    expect(index).toBeGreaterThan(0);
    const top = BLOCKS_FROM + index * blockHeight(0) - 16;
    expect(wxMock.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ scrollTop: top }));
    expect(page.querySelectorAll('.hit')).toHaveLength(1);
    expect(page.querySelector('.hit')?.dom?.textContent).toContain('广泛宣传科普防护知识');
    expect(page.querySelector('.hit-word')?.dom?.textContent).toBe('科普');

    scrolled = top + 40;
    call(page, 'onPageScroll', { scrollTop: scrolled });
    await app.settle();
    expect(page.querySelector('.hit')).toBeTruthy();
    scrolled = top + 700;
    call(page, 'onPageScroll', { scrollTop: scrolled });
    await app.settle();
    expect(page.querySelector('.hit')).toBeFalsy();
    expect(page.querySelector('.hit-word')).toBeFalsy();
  });

  test('in the speaker: opens at the top, where the byline is, not where the reader last left the speech', async () => {
    const hit = await hitOf('刘晓璇');
    expect(hit.field).toBe('speaker');
    const first = await freshApp().open('article', { id: hit.articleId });
    call(first.page, 'onPageScroll', { scrollTop: 1234 });
    call(first.page, 'onUnload');
    wxMock.pageScrollTo.mockClear();

    const { text } = await freshApp().open('article', { id: hit.articleId, q: '%E5%88%98%E6%99%93%E7%92%87' });
    expect(wxMock.pageScrollTo).not.toHaveBeenCalled();
    expect(text()).toContain('刘晓璇');
  });
});
