import { freshApp, type PageComponent, tapButton } from '../support/app';
import { wxMock, wxStub } from '../support/runtime';
import { cells, choose, staffCloud } from './helpers';
import { as } from './scenario';

beforeEach(() => wxStub.reset());

const typeInto = (page: PageComponent, selector: string, value: string) =>
  page.querySelector(selector)?.dispatchEvent('input', { detail: { value } });

type CodeData = { image: string; path: string; standIn: boolean } | null;
const codeOf = (page: PageComponent) => page.instance.data.code as CodeData;

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

/** The code page of a channel, once it has its speeches (it asks for every installment). */
async function openCode(app: ReturnType<typeof freshApp>, ch: string) {
  const opened = await app.open('staff/code', { ch });
  await until(() => opened.page.instance.data.status !== 'loading', 'the page loads');
  await app.settle();
  return opened;
}

describe('渠道: channels and their codes', () => {
  test('staff make a channel with the form, and it is listed with its reads and a way to its codes', async () => {
    await staffCloud();
    const app = freshApp();
    const { page, text } = await app.open('staff/channels');
    typeInto(page, '.channel-name', '西门大屏');
    await choose(page, '.channel-type', '户外大屏', app.settle);
    typeInto(page, '.channel-code', 'XM1');
    await app.settle();
    tapButton(page, '.create');
    await until(() => text().includes('已建立“西门大屏”'), 'the channel is made');
    expect(text()).toContain('渠道代码 xm1');
    const rows = page.querySelectorAll('.channel-row').map(cells);
    expect(rows).toContain('西门大屏 属于户外大屏 · 渠道码 xm1 0 0 码 ›');
    // The form is empty again, keeping the node chosen.
    expect(page.instance.data.form).toEqual({ name: '', type: 'ping', code: '' });
  });

  test('the form says what is wrong: no name, a bad code, a code in use', async () => {
    const { cloud } = await staffCloud();
    await as(cloud, 'o-test-staff', 'admin', 'channel.create', { name: '报纸第3版', type: 'bao', code: 'bz3' });
    const app = freshApp();
    const { page, text } = await app.open('staff/channels');
    tapButton(page, '.create');
    await app.settle();
    expect(text()).toContain('请填写渠道名称');
    typeInto(page, '.channel-name', '报纸第5版');
    typeInto(page, '.channel-code', 'b');
    tapButton(page, '.create');
    await app.settle();
    expect(text()).toContain('渠道代码须为 2–6 位小写字母或数字');
    typeInto(page, '.channel-code', 'bz3');
    tapButton(page, '.create');
    await until(() => text().includes('已被使用'), 'the server refuses the code');
  });

  test('a matrix node and a staff-made channel open their codes; scenes and shares have none to print', async () => {
    const { cloud } = await staffCloud();
    await as(cloud, 'o-test-staff', 'admin', 'channel.create', { name: '报纸第3版', type: 'bao', code: 'bz3' });
    const app = freshApp();
    const { page } = await app.open('staff/channels');
    const printable = page.querySelectorAll('.printable').map((r) => r.dom?.getAttribute('data-code'));
    expect(printable).toEqual(['bao', 'tai', 'wang', 'wei', 'duan', 'ping', 'bz3']);
    page.querySelectorAll('.printable')[6]?.dispatchEvent('tap');
    await app.settle();
    expect(wxMock.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/staff/pages/code/index?ch=bz3' }));
  });

  test('choosing a speech shows its code large, marked 本地替代, with its path to copy', async () => {
    const { cloud, reading } = await staffCloud();
    await as(cloud, 'o-test-staff', 'admin', 'channel.create', { name: '报纸第3版', type: 'bao', code: 'bz3' });
    const app = freshApp();
    const { page, text } = await openCode(app, 'bz3');
    expect(page.querySelector('.channel-name')?.dom?.textContent).toBe('报纸第3版');
    expect(text()).toContain('属于报纸 · 渠道代码 bz3');
    expect(page.querySelectorAll('.speech-row')).toHaveLength(6);
    expect(page.querySelector('.code-image')).toBeFalsy();

    page.querySelectorAll('.speech-row')[0]?.dispatchEvent('tap');
    await until(() => codeOf(page) !== null, 'the code');
    expect(page.querySelector('.code-image')).toBeTruthy();
    expect(codeOf(page)?.image).toMatch(/^memory:\/\/files\/codes\/.+-bz3-local\.png$/);
    expect(page.querySelector('.stand-in')?.dom?.textContent).toBe('本地替代');
    expect(text()).toContain('微信扫它打不开小程序');
    const path = `/pages/article/index?id=${reading.a}&ch=bz3`;
    expect(page.querySelector('.code-path')?.dom?.textContent).toBe(path);
    tapButton(page, '.copy-path');
    await until(() => text().includes('路径已复制'), 'copied');
    expect(wxStub.clipboard()).toBe(path);
    tapButton(page, '.copy-image');
    await until(() => text().includes('图片链接已复制'), 'copied the link');
    expect(wxStub.clipboard()).toBe(codeOf(page)?.image);

    // The code is made once: asking again is the stored one.
    const stored = await cloud.stores.codes.get(`a=${reading.a}&c=bz3`);
    expect(stored?.standIn).toBe(true);
  });

  test('保存到相册 downloads the code first, then saves the downloaded file', async () => {
    await staffCloud();
    const app = freshApp();
    const { page, text } = await openCode(app, 'bao');
    expect(page.querySelector('.channel-name')?.dom?.textContent).toBe('报纸');
    page.querySelectorAll('.speech-row')[1]?.dispatchEvent('tap');
    await until(() => codeOf(page) !== null, 'the code');
    tapButton(page, '.save');
    await until(() => text().includes('已保存到相册'), 'saved');
    expect(wxMock.downloadFile).toHaveBeenCalledWith(expect.objectContaining({ url: codeOf(page)?.image }));
    const [saved] = wxStub.album.saved;
    expect(wxStub.files.get(saved as string)).toEqual({ kind: 'download', url: codeOf(page)?.image });
  });

  test('a refused album permission shows how to allow it; allowed in 设置, the code is saved', async () => {
    await staffCloud();
    wxStub.album.permission = false;
    const app = freshApp();
    const { page, text } = await openCode(app, 'tai');
    page.querySelectorAll('.speech-row')[0]?.dispatchEvent('tap');
    await until(() => codeOf(page) !== null, 'the code');
    tapButton(page, '.save');
    await until(() => page.querySelector('.album-denied') !== undefined, 'the guidance');
    expect(text()).toContain('还没有“保存到相册”的权限');
    expect(wxMock.saveImageToPhotosAlbum).toHaveBeenCalledTimes(1);
    expect(wxStub.album.saved).toEqual([]);
    expect(page.querySelector('.save')).toBeFalsy();

    // Still refused in 设置: the guidance stays.
    tapButton(page, '.settings');
    await app.settle();
    expect(wxMock.openSetting).toHaveBeenCalledTimes(1);
    expect(page.querySelector('.album-denied')).toBeTruthy();

    wxStub.album.inSettings = true;
    tapButton(page, '.settings');
    await until(() => text().includes('已保存到相册'), 'saved after 设置');
    expect(wxStub.album.saved).toHaveLength(1);
    // The file was downloaded once.
    expect(wxMock.downloadFile).toHaveBeenCalledTimes(1);
  });

  test('a download that fails says so and offers the link instead', async () => {
    await staffCloud();
    wxStub.downloadFails = true;
    const app = freshApp();
    const { page, text } = await openCode(app, 'wei');
    page.querySelectorAll('.speech-row')[0]?.dispatchEvent('tap');
    await until(() => codeOf(page) !== null, 'the code');
    tapButton(page, '.save');
    await until(() => text().includes('图片没有下载下来'), 'the failure');
    expect(wxStub.album.saved).toEqual([]);
  });

  test('a staff-made channel can be retired: its codes keep counting, it gets no new ones', async () => {
    const { cloud } = await staffCloud();
    await as(cloud, 'o-test-staff', 'admin', 'channel.create', { name: '报纸第3版', type: 'bao', code: 'bz3' });
    const app = freshApp();
    const { page, text } = await openCode(app, 'bz3');
    page.querySelector('.retire')?.dispatchEvent('tap');
    await until(() => text().includes('这个渠道已停用'), 'retired');
    expect(wxMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '停用“报纸第3版”？' }));
    expect(page.querySelectorAll('.speech-row')).toHaveLength(0);
    const list = await app.open('staff/channels');
    expect(list.page.querySelectorAll('.channel-row').map(cells)).toContain(
      '报纸第3版 属于报纸 · 渠道码 bz3 · 已停用 0 0',
    );
    // A matrix node has no 停用.
    const node = await openCode(app, 'bao');
    expect(node.page.querySelector('.retire')).toBeFalsy();
  });

  test('a retire that does not go through says why, with no code open', async () => {
    const { cloud } = await staffCloud();
    await as(cloud, 'o-test-staff', 'admin', 'channel.create', { name: '报纸第3版', type: 'bao', code: 'bz3' });
    const app = freshApp();
    const { page, text } = await openCode(app, 'bz3');
    const real = wxStub.cloud;
    wxStub.cloud = async (request) =>
      (request.data as { action: string }).action === 'channel.retire'
        ? { ok: false, code: 'FORBIDDEN', message: '只有工作人员可以这样做' }
        : real(request);
    page.querySelector('.retire')?.dispatchEvent('tap');
    await until(() => text().includes('没有停用：只有工作人员可以这样做'), 'the refusal');
    expect(text()).not.toContain('这个渠道已停用');
  });

  test('an unknown channel says so', async () => {
    await staffCloud();
    const { text } = await openCode(freshApp(), 'zz9');
    expect(text()).toContain('没有渠道 zz9');
  });

  test('large type and dark colours reach the code page', async () => {
    await staffCloud();
    wxStub.baseInfo = { ...wxStub.baseInfo, theme: 'dark', fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 };
    const { page } = await freshApp().open('staff/code', { ch: 'bao' });
    expect(page.querySelector('.page')?.dom?.className).toMatch(/fs-2.*care/);
  });
});
