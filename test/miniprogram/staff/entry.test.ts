import { freshApp } from '../support/app';
import { contentCloud, STAFF_OPENID } from '../support/cloud';
import { wxMock, wxStub } from '../support/runtime';

beforeEach(() => wxStub.reset());

const whoamiCalls = () =>
  wxMock.cloud.callFunction.mock.calls.filter(([r]) => r.name === 'admin' && r.data.action === 'whoami').length;

describe('the 工作台 entry on the home page', () => {
  test('a reader never sees it, and asking who they are adds no render to the home page', async () => {
    wxStub.cloud = (await contentCloud({ openid: 'o-reader' })).handler;
    const app = freshApp();
    const { page, setDataCalls } = await app.open('installment');
    const rendered = setDataCalls.length;
    expect(rendered).toBeLessThanOrEqual(2);
    await app.launch();
    expect(whoamiCalls()).toBe(1);
    expect(app.stores.identity.staff).toBe(false);
    expect(page.querySelectorAll('.card')).toHaveLength(6);
    expect(page.querySelector('.staff-entry')).toBeFalsy();
    // The answer changed nothing the page shows, so the page did not render again.
    expect(setDataCalls.length).toBe(rendered);
  });

  test('staff see it once the answer arrives, and it opens 工作台 in the staff subpackage', async () => {
    wxStub.cloud = (await contentCloud({ openid: STAFF_OPENID })).handler;
    const app = freshApp();
    const home = await app.open('installment');
    expect(home.page.querySelector('.staff-entry')).toBeFalsy();
    await app.launch();
    const entry = home.page.querySelector('.staff-entry');
    expect(entry?.dom?.textContent).toBe('工作台');
    entry?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/overview/index' }));
  });

  test('the next cold start within ten minutes shows it at once, from the cached answer', async () => {
    wxStub.cloud = (await contentCloud({ openid: STAFF_OPENID })).handler;
    const first = freshApp();
    await first.launch();
    const { page, setDataCalls } = await freshApp().open('installment');
    expect(page.querySelector('.staff-entry')).toBeTruthy();
    expect(setDataCalls.length).toBeLessThanOrEqual(2);
  });

  test('an administrator removed from ADMIN_OPENIDS loses it at the next start', async () => {
    wxStub.cloud = (await contentCloud({ openid: STAFF_OPENID })).handler;
    await freshApp().launch();
    wxStub.cloud = (await contentCloud({ openid: STAFF_OPENID, adminOpenids: [] })).handler;
    const app = freshApp();
    const home = await app.open('installment');
    expect(home.page.querySelector('.staff-entry')).toBeTruthy();
    await app.launch();
    expect(home.page.querySelector('.staff-entry')).toBeFalsy();
  });

  test('in 朋友圈 single-page mode nobody is named, so nobody is staff', async () => {
    wxStub.cloud = (await contentCloud({ openid: null })).handler;
    wxStub.enter = { scene: 1154, apiCategory: 'browseOnly', query: {} };
    const app = freshApp();
    await app.launch();
    const { page } = await app.open('installment');
    expect(page.querySelector('.staff-entry')).toBeFalsy();
  });
});
