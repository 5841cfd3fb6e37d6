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
