import type { CodeMaker } from '../../backend/admin/port';
import { setupDatabase } from '../../backend/admin/setup';
import { loadCatalog } from '../../backend/content/catalog';
import type { InstallmentFile } from '../../backend/content/schema';
import { sharePrefixOf } from '../../backend/core/reader-key';
import { parseScene, targetOf } from '../../miniprogram/utils/entry';
import type {
  AdminApi,
  ArticleView,
  ChannelsData,
  CodeInfo,
  InstallmentAdminInfo,
  StaffInfo,
  WhoAmI,
} from '../../typings/contract';
import { QR_SCENE_MAX } from '../../typings/contract';
import { A, ADMIN, B, data, describeOnEachAdapter, type Harness, readInput, totals } from '../track/support';
import { secondInstallment } from './second-installment';

const admin = <K extends keyof AdminApi>(h: Harness, action: K, input: AdminApi[K]['input'], openid?: string | null) =>
  h.call<AdminApi[K]['output']>('admin', action, input, openid);

const keyOf = (h: Harness, openid: string) => h.ctx(openid).readerKey({ openid }, undefined)?.key as string;

async function addStaff(h: Harness, openid: string, role: 'staff' | 'admin' = 'staff') {
  return data(await admin(h, 'staff.add', { openid, name: role === 'admin' ? '主任' : '编辑', role }));
}

/** A code maker that counts what it is asked for, standing in for WeChat's getUnlimited. */
function countingMaker(): CodeMaker & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async make({ scene }) {
      asked.push(scene);
      return { png: Buffer.from(`png of ${scene}`), standIn: false };
    },
  };
}

const STAFF_ACTIONS: Array<[keyof AdminApi, unknown]> = [
  ['channel.list', {}],
  ['channel.create', { name: '报纸第3版', type: 'bao', code: 'bz3' }],
  ['channel.retire', { code: 'bz3' }],
  ['code.get', { articleId: A, channel: 'bao' }],
];
const ADMIN_ACTIONS: Array<[keyof AdminApi, unknown]> = [
  ['staff.list', {}],
  ['staff.add', { openid: 'o-new', name: '新人', role: 'staff' }],
  ['staff.remove', { id: 'x'.repeat(22) }],
  ['installment.list', {}],
  ['installment.publish', { installment: {} }],
  ['installment.setDate', { id: 'esd-01', publishedAt: '2022-11-10' }],
  ['installment.unpublish', { id: 'esd-01' }],
  ['installment.republish', { id: 'esd-01' }],
  ['reconcile', {}],
  ['setup.db', {}],
];

describeOnEachAdapter('the admin function', (h) => {
  test.each([...STAFF_ACTIONS, ...ADMIN_ACTIONS])(
    '%s is FORBIDDEN to readers, whatever the payload says',
    async (action, input) => {
      for (const openid of ['o-reader', null]) {
        const claims = { ...(input as object), openid: ADMIN, role: 'admin' };
        expect(await h.call('admin', action, input, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
        expect(await h.call('admin', action, claims, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      }
    },
  );

  test.each(ADMIN_ACTIONS)('%s is FORBIDDEN to staff who are not administrators', async (action, input) => {
    await addStaff(h, 'o-editor');
    expect(await h.call('admin', action, input, 'o-editor')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('whoami: readers, staff and administrators, with the caller’s own number and share prefix', async () => {
    const reader: WhoAmI = data(await admin(h, 'whoami', {}, 'o-reader'));
    expect(reader).toEqual({
      staff: false,
      admin: false,
      name: null,
      myNumber: 'o-reader',
      sharePrefix: sharePrefixOf(keyOf(h, 'o-reader')),
    });
    expect(data(await admin(h, 'whoami', {}, null))).toMatchObject({ staff: false, myNumber: null, sharePrefix: null });
    await addStaff(h, 'o-editor');
    expect(data(await admin(h, 'whoami', {}, 'o-editor'))).toMatchObject({ staff: true, admin: false, name: '编辑' });
    expect(data(await admin(h, 'whoami', {}))).toMatchObject({ staff: true, admin: true, name: '管理员' });
  });

  test('staff: added by number, listed by name and role (never the openid), removed; not the last administrator', async () => {
    await addStaff(h, 'o-editor');
    h.clock.advance(1000);
    const chief: StaffInfo = await addStaff(h, 'o-chief', 'admin');
    const list = data(await admin(h, 'staff.list', {}));
    expect(list.items.map((m) => [m.name, m.role, m.bootstrap])).toEqual([
      ['管理员（部署时指定）', 'admin', true],
      ['编辑', 'staff', false],
      ['主任', 'admin', false],
    ]);
    expect(JSON.stringify(list)).not.toMatch(/o-editor|o-chief|o-admin-boot/);
    // The administrator ADMIN_OPENIDS names cannot be removed here.
    const boot = list.items[0]?.id as string;
    expect(await admin(h, 'staff.remove', { id: boot })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(data(await admin(h, 'staff.remove', { id: chief.id }))).toEqual({ removed: true });
    expect(data(await admin(h, 'whoami', {}, 'o-chief'))).toMatchObject({ staff: false });
  });

  test('installments: publish validates with the importer’s schema, re-publishing keeps counts, dates, offline and back', async () => {
    const bad = await admin(h, 'installment.publish', { installment: { id: 'x', number: 'two' } });
    expect(bad).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringMatching(/number/) });

    await h.track('read', readInput(A), 'o-1');
    const second = secondInstallment();
    const published: InstallmentAdminInfo = data(await admin(h, 'installment.publish', { installment: second }));
    expect(published).toMatchObject({ id: 'test-02', number: 2, online: true, articleCount: 2 });
    // The home page shows the newest; the older stays listed and readable.
    const list = data(await h.call<{ items: Array<{ id: string }> }>('content', 'installment.list', {}, 'o-1'));
    expect(list.items.map((i) => i.id)).toEqual(['test-02', 'esd-01']);
    const newSpeech = second.articles[0]?.id as string;
    await h.track('read', readInput(newSpeech), 'o-1');
    expect((await totals(h.store, newSpeech)).pv).toBe(1);
    // Search spans both installments.
    const hits = data(await h.call<{ hits: Array<{ installmentId: string }> }>('content', 'search', { q: '推动' }));
    expect(new Set(hits.hits.map((x) => x.installmentId))).toEqual(new Set(['test-02', 'esd-01']));

    // A corrected revision replaces the text, never the counts.
    const corrected = structuredClone(second);
    (corrected.articles[0] as { title: string }).title = '守正创新 行稳致远（修订）';
    data(await admin(h, 'installment.publish', { installment: corrected }));
    const reread = data(await h.call<ArticleView>('content', 'article.get', { id: newSpeech }, 'o-1'));
    expect(reread).toMatchObject({ title: '守正创新 行稳致远（修订）', readCount: 1 });

    expect(data(await admin(h, 'installment.setDate', { id: 'test-02', publishedAt: '2022-11-20' }))).toMatchObject({
      publishedAt: '2022-11-20',
    });
    const dated = data(await h.call<ArticleView>('content', 'article.get', { id: newSpeech }, 'o-1'));
    expect(dated.installment.publishedAt).toBe('2022-11-20');

    expect(data(await admin(h, 'installment.unpublish', { id: 'test-02' }))).toMatchObject({ online: false });
    expect(await h.call('content', 'article.get', { id: newSpeech }, 'o-1')).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      message: '这篇文章已下线',
    });
    expect(await h.track('read', readInput(newSpeech), 'o-2')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await totals(h.store, newSpeech)).pv).toBe(1);
    const readerList = data(await h.call<{ items: Array<{ id: string }> }>('content', 'installment.list', {}));
    expect(readerList.items.map((i) => i.id)).toEqual(['esd-01']);
    expect(data(await admin(h, 'installment.list', {})).items.map((i) => [i.id, i.online])).toEqual([
      ['test-02', false],
      ['esd-01', true],
    ]);
    data(await admin(h, 'installment.republish', { id: 'test-02' }));
    expect(data(await h.call<ArticleView>('content', 'article.get', { id: newSpeech }, 'o-2')).readCount).toBe(1);
    expect((await totals(h.store, A)).pv).toBe(1);
  });

  test('channels: made by staff, attributed in every counter and in stats, retired ones still count', async () => {
    await addStaff(h, 'o-editor');
    expect(await admin(h, 'channel.create', { name: '报纸', type: 'bao', code: 'bao' }, 'o-editor')).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await admin(h, 'channel.create', { name: '坏', type: 'bao', code: 'B-3' }, 'o-editor')).toMatchObject({
      code: 'BAD_REQUEST',
    });
    const made = data(await admin(h, 'channel.create', { name: '报纸第3版', type: 'bao', code: 'bz3' }, 'o-editor'));
    expect(made).toMatchObject({ code: 'bz3', name: '报纸第3版', type: 'bao', retired: false });
    expect(await admin(h, 'channel.create', { name: '重复', type: 'tai', code: 'bz3' }, 'o-editor')).toMatchObject({
      code: 'BAD_REQUEST',
    });
    await h.track('read', readInput(A, { ch: 'bz3', scene: 1047 }), 'o-1');
    await h.track('read', readInput(A, { ch: 'zz9' }), 'o-2');
    data(await admin(h, 'channel.retire', { code: 'bz3' }, 'o-editor'));
    await h.track('read', readInput(B, { ch: 'bz3' }), 'o-3');
    const channels: ChannelsData = data(await h.call('stats', 'channels', { range: 'today' }));
    expect(channels.items.find((c) => c.channel === 'bz3')).toMatchObject({
      label: '报纸第3版',
      kind: 'custom',
      type: 'bao',
      pv: 2,
      uv: 2,
    });
    expect(channels.items.find((c) => c.channel === 'unknown')).toMatchObject({ pv: 1 });
    expect(channels.nodes.find((n) => n.type === 'bao')).toMatchObject({ label: '报纸', pv: 2 });
    expect(data(await admin(h, 'channel.list', {}, 'o-editor')).items).toEqual([
      expect.objectContaining({ code: 'bz3', retired: true }),
    ]);
    // No new code for a retired channel; codes already printed still count (above).
    expect(await admin(h, 'code.get', { articleId: A, channel: 'bz3' }, 'o-editor')).toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  test('codes: one request to WeChat per speech × channel, ever; the scene fits and reads back in the app', async () => {
    const maker = countingMaker();
    h.stores.codeMaker = maker;
    await addStaff(h, 'o-editor');
    data(await admin(h, 'channel.create', { name: '户外大屏东站', type: 'ping', code: 'pdz01' }, 'o-editor'));
    for (const channel of ['bao', 'pdz01', 'bao']) {
      const code: CodeInfo = data(await admin(h, 'code.get', { articleId: A, channel }, 'o-editor'));
      expect(code.scene.length).toBeLessThanOrEqual(QR_SCENE_MAX);
      expect(parseScene(code.scene)).toEqual({ a: A, c: channel });
      expect(targetOf({ scene: encodeURIComponent(code.scene) })).toEqual({ articleId: A, ch: channel, s: null });
      expect(code).toMatchObject({ page: 'pages/article/index', path: `/pages/article/index?id=${A}&ch=${channel}` });
      expect(code.standIn).toBe(false);
    }
    expect(maker.asked).toEqual([`a=${A}&c=bao`, `a=${A}&c=pdz01`]);
    expect(await admin(h, 'code.get', { articleId: 'nosuch', channel: 'bao' }, 'o-editor')).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await admin(h, 'code.get', { articleId: A, channel: 'nochan' }, 'o-editor')).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('poster codes: for readers, only with their own share ids, of published speeches, a few a day', async () => {
    h.stores.codeMaker = countingMaker();
    const prefix = sharePrefixOf(keyOf(h, 'o-reader'));
    const mine = (n: number) => `${prefix}${String(n).padStart(4, '0')}`;
    const code = data(await admin(h, 'poster.code', { articleId: A, shareId: mine(1) }, 'o-reader'));
    expect(parseScene(code.scene)).toEqual({ a: A, c: 'poster', s: mine(1) });
    expect(code.scene.length).toBeLessThanOrEqual(QR_SCENE_MAX);
    expect(await admin(h, 'poster.code', { articleId: A, shareId: `zzzz${'0001'}` }, 'o-reader')).toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await admin(h, 'poster.code', { articleId: A, shareId: mine(2) }, null)).toMatchObject({
      code: 'BAD_REQUEST',
    });
    for (let n = 2; n <= 10; n += 1)
      data(await admin(h, 'poster.code', { articleId: B, shareId: mine(n) }, 'o-reader'));
    expect(await admin(h, 'poster.code', { articleId: B, shareId: mine(11) }, 'o-reader')).toMatchObject({
      code: 'RATE_LIMITED',
    });
    // The same poster again is the stored code, not a new one.
    expect(await admin(h, 'poster.code', { articleId: A, shareId: mine(1) }, 'o-reader')).toMatchObject({ ok: true });
  });

  test('setup.db: on a set-up database it changes nothing; an installment edited meanwhile is published again', async () => {
    const first = data(await admin(h, 'setup.db', {}));
    expect(first.collections.created).toEqual([]);
    expect(first.collections.existing.length).toBeGreaterThan(0);
    expect(first.installments).toEqual({ published: [], unchanged: ['esd-01'] });

    // Read, then taken offline by staff; a revision that comes with a deploy keeps it offline and keeps the count.
    await h.track('read', readInput(A), 'o-1');
    data(await admin(h, 'installment.unpublish', { id: 'esd-01' }));
    const edited = { ...(loadCatalog()[0] as InstallmentFile), title: '改过的标题' };
    expect((await setupDatabase(h.stores, [edited])).installments).toEqual({ published: ['esd-01'], unchanged: [] });
    const listed = data(await admin(h, 'installment.list', {}));
    expect(listed.items).toEqual([expect.objectContaining({ id: 'esd-01', title: '改过的标题', online: false })]);
    expect((await totals(h.store, A)).pv).toBe(1);
  });

  test('reconcile: reports what it checked and corrected', async () => {
    await h.track('read', readInput(A), 'o-1');
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const report = data(await admin(h, 'reconcile', {}));
    log.mockRestore();
    expect(report).toMatchObject({ corrected: 0, days: { from: '2026-11-20', to: '2026-11-26' } });
  });
});
