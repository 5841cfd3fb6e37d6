import { LOCAL_READER_SECRET, readerKeys } from '../../../backend/core/reader-key';
import { freshApp, type PageComponent, tapButton } from '../support/app';
import { contentCloud, STAFF_OPENID } from '../support/cloud';
import { wxStub } from '../support/runtime';
import { cells, choose, staffCloud } from './helpers';
import { as } from './scenario';

beforeEach(() => wxStub.reset());

const typeInto = (page: PageComponent, selector: string, value: string) =>
  page.querySelector(selector)?.dispatchEvent('input', { detail: { value } });

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`never happened: ${what}`);
}

/** The tabs' labels, as rendered (the component's classes carry its tag). */
const tabs = (page: PageComponent) =>
  Array.from(page.dom?.querySelectorAll('[class~="staff-tabs--tab"]') ?? []).map((t) => t.textContent);

describe('工作台 for administrators', () => {
  test('administrators see 人员 and 期次; other staff do not', async () => {
    const { cloud } = await staffCloud();
    const admin = freshApp();
    await admin.launch();
    expect(tabs((await admin.open('staff/overview')).page)).toEqual(['概览', '排行', '渠道', '导出', '人员', '期次']);

    await as(cloud, STAFF_OPENID, 'admin', 'staff.add', { openid: 'o-editor', name: '编辑小王', role: 'staff' });
    cloud.actAs('o-editor');
    const staff = freshApp();
    await staff.launch();
    const { page, text } = await staff.open('staff/overview');
    expect(tabs(page)).toEqual(['概览', '排行', '渠道', '导出']);
    expect(text()).toContain('阅读数');
  });

  test('人员: adds a person by the number from their 我的编号, who then sees 工作台; removes them', async () => {
    const { cloud } = await staffCloud();
    const app = freshApp();
    await app.launch();
    const { page, text } = await app.open('staff/people');
    expect(page.querySelectorAll('.person-row').map(cells)).toEqual([
      '管理员（部署时指定） 管理员 · 部署时指定（ADMIN_OPENIDS）',
    ]);
    // The one named at deployment cannot be removed here.
    expect(page.querySelector('.remove')).toBeFalsy();
    expect(text()).toContain('在首页最下面点“我的编号”');

    typeInto(page, '.person-number', 'o-new-colleague');
    typeInto(page, '.person-name', '李编辑');
    await choose(page, '.person-role', '工作人员', app.settle);
    tapButton(page, '.add');
    await until(() => text().includes('已添加工作人员“李编辑”'), 'added');
    expect(page.querySelectorAll('.person-row').map(cells)[1]).toMatch(
      /^李编辑 工作人员 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} 添加$/,
    );
    expect(page.querySelector('.remove')?.dom?.textContent).toBe('删除');
    // Their own whoami now says staff: the home page shows them 工作台.
    cloud.actAs('o-new-colleague');
    const theirs = freshApp();
    await theirs.launch();
    const home = await theirs.open('installment');
    expect(home.page.querySelector('.staff-entry')).toBeTruthy();
    cloud.actAs(STAFF_OPENID);

    wxStub.modalAnswers = [true];
    page.querySelector('.remove')?.dispatchEvent('tap');
    await until(() => text().includes('已删除“李编辑”'), 'removed');
    expect(page.querySelectorAll('.person-row')).toHaveLength(1);
  });

  test('人员: the last administrator cannot be removed; the page shows the server’s refusal', async () => {
    // No ADMIN_OPENIDS: the only administrator is one added in the app (as after the deployment's list was emptied).
    const cloud = await contentCloud({ openid: 'o-chief', adminOpenids: [] });
    const key = readerKeys(LOCAL_READER_SECRET)({ openid: 'o-chief' }, undefined)?.key as string;
    await cloud.stores.staff.put({ key, name: '赵主任', role: 'admin', addedBy: null, addedAt: Date.UTC(2022, 10, 8) });
    wxStub.cloud = cloud.handler;
    const app = freshApp();
    await app.launch();
    const { page, text } = await app.open('staff/people');
    typeInto(page, '.person-number', 'o-editor');
    typeInto(page, '.person-name', '李编辑');
    tapButton(page, '.add');
    await until(() => text().includes('已添加工作人员“李编辑”'), 'added');
    const rows = () => page.querySelectorAll('.person-row').map(cells);
    expect(rows()).toEqual([
      '赵主任 管理员 · 2022-11-08 08:00 添加',
      expect.stringMatching(/^李编辑 工作人员 · .+ 添加$/),
    ]);
    // Added in the app, both can be removed here, as far as the page knows.
    expect(page.querySelectorAll('.remove')).toHaveLength(2);

    wxStub.modalAnswers = [true];
    page.querySelectorAll('.remove')[0]?.dispatchEvent('tap');
    await until(() => text().includes('不能删除最后一位管理员：请先添加另一位管理员'), 'refused');
    expect(rows()).toHaveLength(2);
    expect(await cloud.stores.staff.get(key)).not.toBeNull();
  });

  test('人员: a missing number or name is said before anything is sent; a bad number by the server', async () => {
    await staffCloud();
    const app = freshApp();
    await app.launch();
    const { page, text } = await app.open('staff/people');
    tapButton(page, '.add');
    await app.settle();
    expect(text()).toContain('请粘贴对方的编号');
    typeInto(page, '.person-number', 'not a number!');
    typeInto(page, '.person-name', '张三');
    tapButton(page, '.add');
    await until(() => text().includes('编号不对'), 'refused');
    expect(text()).toContain('首页底部点“我的编号”');
  });

  test('期次: sets an installment’s date, which readers then see; a bad date is said', async () => {
    const { cloud } = await staffCloud();
    const app = freshApp();
    await app.launch();
    const { page, text } = await app.open('staff/issues');
    expect(text()).toContain('第1期 · 深入学习领会党的二十大精神');
    expect(page.querySelector('.issue-state')?.dom?.textContent).toBe('未设置出版日期 · 已上线');

    typeInto(page, '.issue-date', '2022/11/31');
    tapButton(page, '.save-date');
    await until(() => text().includes('日期请写成 2022-11-08 这样'), 'refused');
    typeInto(page, '.issue-date', '2022年11月8日');
    tapButton(page, '.save-date');
    await until(() => text().includes('出版日期已设为 2022年11月8日'), 'set');
    expect(page.querySelector('.issue-state')?.dom?.textContent).toBe('2022年11月8日 · 已上线');
    expect((await cloud.stores.content.getInstallment('esd-01'))?.publishedAt).toBe('2022-11-08');

    cloud.actAs('o-reader');
    const home = await freshApp().open('installment');
    expect(home.page.querySelector('.masthead-date')?.dom?.textContent).toBe('2022年11月8日');
    cloud.actAs(STAFF_OPENID);

    typeInto(page, '.issue-date', '');
    tapButton(page, '.save-date');
    await until(() => text().includes('出版日期已清除'), 'cleared');
  });

  test('期次: takes an installment offline (readers no longer see it) and puts it back online', async () => {
    const { cloud } = await staffCloud();
    const app = freshApp();
    await app.launch();
    const { page, text } = await app.open('staff/issues');
    wxStub.modalAnswers = [true];
    tapButton(page, '.offline');
    await until(() => text().includes('已下线，读者看不到这一期了'), 'offline');
    expect(page.querySelector('.issue-state')?.dom?.textContent).toContain('已下线');

    cloud.actAs('o-reader');
    expect((await freshApp().open('installment')).text()).toContain('暂时还没有内容');
    cloud.actAs(STAFF_OPENID);

    tapButton(page, '.online');
    await until(() => text().includes('已重新上线'), 'online');
    cloud.actAs('o-reader');
    expect((await freshApp().open('installment')).page.querySelectorAll('.card')).toHaveLength(6);
  });

  test('期次: 取消 in the dialog leaves it online', async () => {
    await staffCloud();
    const app = freshApp();
    await app.launch();
    const { page } = await app.open('staff/issues');
    wxStub.modalAnswers = [false];
    tapButton(page, '.offline');
    await app.settle();
    expect(page.querySelector('.issue-state')?.dom?.textContent).toBe('未设置出版日期 · 已上线');
  });
});
