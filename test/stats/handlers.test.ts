import { parse } from 'csv-parse/sync';
import type { MemoryFiles } from '../../backend/storage/memory-files';
import type {
  ArticleData,
  ArticlesData,
  ChannelsData,
  ExportData,
  OverviewData,
  StatsApi,
} from '../../typings/contract';
import { A, B, data, describeOnEachAdapter, type Harness, readInput } from '../track/support';
import { twoDaysOfReading } from './scenario';

const stats = <K extends keyof StatsApi>(h: Harness, action: K, input: StatsApi[K]['input'], openid?: string | null) =>
  h.call<StatsApi[K]['output']>('stats', action, input, openid);

const ACTIONS: Array<[keyof StatsApi, unknown]> = [
  ['overview', { range: '7d' }],
  ['articles', { range: 'all', sort: 'pv' }],
  ['article', { id: A, range: 'today' }],
  ['channels', { range: '30d' }],
  ['export', { range: 'all' }],
];

describeOnEachAdapter('the stats function', (h) => {
  test.each(ACTIONS)('%s answers FORBIDDEN to readers, whatever the payload says about them', async (action, input) => {
    for (const openid of ['o-reader', null]) {
      expect(await h.call('stats', action, input, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      const claims = { ...(input as object), openid: 'o-admin-boot', role: 'admin', staff: true };
      expect(await h.call('stats', action, claims, openid)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
  });

  test('answers staff added in the store, and refuses identity fields in their payload as bad input', async () => {
    const key = h.ctx('o-editor').readerKey({ openid: 'o-editor' }, undefined)?.key as string;
    await h.stores.staff.put({ key, name: '编辑', role: 'staff', addedBy: null, addedAt: 1 });
    expect(await stats(h, 'overview', { range: 'today' }, 'o-editor')).toMatchObject({ ok: true });
    expect(await h.call('stats', 'overview', { range: 'today', openid: 'x' }, 'o-editor')).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
  });

  test('overview: today against yesterday, a week in reader-days, and all time in distinct readers', async () => {
    await twoDaysOfReading(h);
    const today = data(await stats(h, 'overview', { range: 'today' }));
    expect(today.totals).toEqual({
      pv: 2,
      uv: 2,
      shares: 0,
      shareReads: 0,
      reshares: 0,
      completions: 0,
      completionRate: 0,
      anonPv: 0,
      anonUv: 0,
    });
    expect(today.previous).toEqual({
      pv: 4,
      uv: 3,
      shares: 2,
      shareReads: 1,
      reshares: 1,
      completions: 1,
      completionRate: 0.2,
      anonPv: 1,
      anonUv: 1,
    });
    expect(today).toMatchObject({ range: 'today', period: { from: '2026-11-28', to: '2026-11-28', days: 1 } });
    expect(today.uvExact).toBe(true);
    expect(today.series).toEqual([{ day: '2026-11-28', pv: 2, uv: 2 }]);
    expect(Date.parse(today.asOf)).toBe(h.clock.ms);

    const week = data(await stats(h, 'overview', { range: '7d' }));
    expect(week.totals).toMatchObject({ pv: 6, uv: 5, shares: 2 });
    expect(week).toMatchObject({ uvExact: false, uvNote: expect.stringContaining('各计一次') });
    expect(week.series).toHaveLength(7);
    expect(week.series.slice(-2)).toEqual([
      { day: '2026-11-27', pv: 4, uv: 3 },
      { day: '2026-11-28', pv: 2, uv: 2 },
    ]);
    expect(week.previous).toMatchObject({ pv: 0, uv: 0, completionRate: null });

    const all: OverviewData = data(await stats(h, 'overview', { range: 'all' }));
    expect(all.totals).toMatchObject({ pv: 6, uv: 4, completions: 1, anonPv: 1 });
    expect(all).toMatchObject({ period: null, previous: null, uvExact: true });
    expect(all.series).toHaveLength(30);
  });

  test('overview: an install reading several speeches in 朋友圈 single-page mode is one anonymous reader', async () => {
    for (const id of [A, B]) {
      const opening = { ...readInput(id, { scene: 1154, apiCategory: 'browseOnly' }), anonId: 'install-site-01' };
      await h.call('track', 'read', opening, null);
    }
    const today = data(await stats(h, 'overview', { range: 'today' }));
    expect(today.totals).toMatchObject({ pv: 0, anonPv: 2, anonUv: 1 });
    const all = data(await stats(h, 'overview', { range: 'all' }));
    expect(all.totals).toMatchObject({ anonPv: 2, anonUv: 1 });
    // Each speech still has its own anonymous reader.
    const speeches = data(await stats(h, 'articles', { range: 'all', sort: 'pv' })).items;
    expect(
      speeches
        .filter((r) => r.anonUv === 1)
        .map((r) => r.id)
        .sort(),
    ).toEqual([A, B].sort());
  });

  test('articles: every speech ranked by the figure asked for', async () => {
    await twoDaysOfReading(h);
    const week: ArticlesData = data(await stats(h, 'articles', { range: '7d', sort: 'pv' }));
    expect(week.items).toHaveLength(6);
    expect(week.items.slice(0, 2).map((r) => [r.id, r.pv, r.uv, r.shares, r.completionRate])).toEqual([
      [A, 4, 4, 2, 0.2],
      [B, 2, 2, 0, 0],
    ]);
    expect(week.items[0]).toMatchObject({ title: '潮起东方万象新 勇担使命再出发', installmentId: 'esd-01' });
    const all = data(await stats(h, 'articles', { range: 'all', sort: 'uv' }));
    expect(all.items.slice(0, 2).map((r) => [r.id, r.uv])).toEqual([
      [A, 3],
      [B, 2],
    ]);
    const byShares = data(await stats(h, 'articles', { range: 'all', sort: 'shares' }));
    expect(byShares.items[0]?.id).toBe(A);
    const byCompletion = data(await stats(h, 'articles', { range: 'all', sort: 'completionRate' }));
    expect(byCompletion.items[0]).toMatchObject({ id: A, completionRate: 0.2 });
  });

  test('article: its days, its channels and its share funnel', async () => {
    await twoDaysOfReading(h);
    const all: ArticleData = data(await stats(h, 'article', { id: A, range: 'all' }));
    expect(all.totals).toMatchObject({ pv: 4, uv: 3, completionRate: 0.2 });
    expect(all.funnel).toEqual({ shares: 2, shareReads: 1, reshares: 1 });
    const channels = Object.fromEntries(all.channels.map((c) => [c.channel, [c.pv, c.uv, c.anonPv]]));
    expect(channels).toMatchObject({
      bao: [1, 1, 0],
      scan: [1, 1, 0],
      chat: [1, 1, 0],
      session: [1, 0, 0],
      moments: [0, 0, 1],
      tai: [0, 0, 0],
    });
    expect(all.channels.find((c) => c.channel === 'bao')).toMatchObject({ label: '报纸', kind: 'matrix' });
    expect(all.series.slice(-2)).toEqual([
      { day: '2026-11-27', pv: 3, uv: 3 },
      { day: '2026-11-28', pv: 1, uv: 1 },
    ]);
    const today = data(await stats(h, 'article', { id: B, range: 'today' }));
    expect(today.totals).toMatchObject({ pv: 1, uv: 1 });
    expect(await stats(h, 'article', { id: 'nosuch', range: 'today' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });

  test('channels: every node of the matrix, the share channels and the scene groups', async () => {
    await twoDaysOfReading(h);
    const week: ChannelsData = data(await stats(h, 'channels', { range: '7d' }));
    const rows = Object.fromEntries(week.items.map((c) => [c.channel, [c.pv, c.uv, c.anonPv]]));
    expect(rows).toEqual({
      bao: [1, 1, 0],
      tai: [1, 1, 0],
      wang: [0, 0, 0],
      wei: [0, 0, 0],
      duan: [0, 0, 0],
      ping: [0, 0, 0],
      chat: [1, 1, 0],
      tl: [0, 0, 0],
      poster: [0, 0, 0],
      session: [2, 2, 0],
      moments: [0, 0, 1],
      mp: [0, 0, 0],
      scan: [1, 1, 0],
      search: [0, 0, 0],
      other: [0, 0, 0],
      unknown: [0, 0, 0],
    });
  });

  test('export: a CSV with a BOM and a header, a row per speech × channel and per speech, that reads back', async () => {
    await twoDaysOfReading(h);
    const answer: ExportData = data(await stats(h, 'export', { range: 'all' }));
    expect(answer.fileName).toMatch(/^阅读统计-all-20261128-\d{4}\.csv$/);
    expect(Date.parse(answer.expiresAt)).toBeGreaterThan(h.clock.ms);
    const file = (h.stores.files as MemoryFiles).read(`exports/${answer.fileName}`);
    if (file === undefined) throw new Error('no file stored');
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(file.toString('utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(Object.keys(rows[0] ?? {})).toEqual([
      '期次',
      '文章编号',
      '标题',
      '发言人',
      '渠道',
      '渠道代码',
      '阅读数',
      '读者数',
      '匿名阅读数',
      '分享数',
      '经分享阅读数',
      '再分享数',
      '读完数',
      '读完率',
    ]);
    expect(rows).toHaveLength(answer.rows);
    const ofA = rows.filter((r) => r.文章编号 === A);
    const total = ofA.find((r) => r.渠道 === '合计');
    expect(total).toMatchObject({
      阅读数: '4',
      读者数: '3',
      分享数: '2',
      经分享阅读数: '1',
      再分享数: '1',
      读完率: '0.2',
    });
    expect(ofA.find((r) => r.渠道代码 === 'bao')).toMatchObject({ 渠道: '报纸', 阅读数: '1', 读者数: '1' });
    // Channel rows add up to the speech's reads.
    const sum = ofA.filter((r) => r.渠道 !== '合计').reduce((n, r) => n + Number(r.阅读数), 0);
    expect(sum).toBe(4);
    // Every speech has its total row, read or not.
    expect(rows.filter((r) => r.渠道 === '合计')).toHaveLength(6);
    expect(total?.标题).toBe('潮起东方万象新 勇担使命再出发');
  });
});
