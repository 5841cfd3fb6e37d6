import type { Stores } from '../../backend/core/stores';
import type { CounterSum } from '../../backend/stats/port';
import { cellDelta, type DailyCounter } from '../../backend/track/model';

const cell = (articleId: string, day: string, channel: string, add: Record<string, number>) =>
  cellDelta(articleId, { day, channel, add });

const DAYS = { from: '20261126', to: '20261128' };
const sorted = <C extends DailyCounter>(rows: Array<CounterSum<C>>) =>
  [...rows].sort((a, b) =>
    `${a.day}|${a.articleId}|${a.channel}`.localeCompare(`${b.day}|${b.articleId}|${b.channel}`),
  );

/**
 * The statistics port's sums, the same on every adapter: what it adds up, by what, over which days and speeches, and
 * only the counters asked for. `open` gives fresh, empty stores each time.
 */
export function statsStoreContract(open: () => Promise<Stores>): void {
  let stores: Stores;
  beforeEach(async () => {
    stores = await open();
    await stores.track.adjustCounters([
      cell('a1', '20261125', 'bao', { pv: 100, uv: 100 }),
      cell('a1', '20261126', 'bao', { pv: 2, uv: 1, shares: 1 }),
      cell('a1', '20261126', 'chat', { pv: 3, uv: 3 }),
      cell('a1', '20261127', 'bao', { pv: 5, uv: 4 }),
      cell('a2', '20261127', 'bao', { pv: 7, uv: 6, completions: 2 }),
      cell('a2', '20261128', 'chat', { pv: 50, uv: 50 }),
    ]);
  });
  afterEach(() => stores.close());

  it('sums the days [from, to) of every speech by speech, with only the counters asked for', async () => {
    const rows = await stores.stats.sums({ days: DAYS, by: ['article'], counters: ['pv', 'shares'] });
    expect(sorted(rows)).toEqual([
      { day: '', articleId: 'a1', channel: '', counts: { pv: 10, shares: 1 } },
      { day: '', articleId: 'a2', channel: '', counts: { pv: 7, shares: 0 } },
    ]);
  });

  it('sums by day and by channel, and by day × channel of one speech', async () => {
    expect(sorted(await stores.stats.sums({ days: DAYS, by: ['day'], counters: ['pv', 'uv'] }))).toEqual([
      { day: '20261126', articleId: '', channel: '', counts: { pv: 5, uv: 4 } },
      { day: '20261127', articleId: '', channel: '', counts: { pv: 12, uv: 10 } },
    ]);
    expect(sorted(await stores.stats.sums({ days: DAYS, by: ['channel'], counters: ['pv'] }))).toEqual([
      { day: '', articleId: '', channel: 'bao', counts: { pv: 14 } },
      { day: '', articleId: '', channel: 'chat', counts: { pv: 3 } },
    ]);
    const one = await stores.stats.sums({ days: DAYS, by: ['day', 'channel'], articleId: 'a1', counters: ['pv'] });
    expect(sorted(one)).toEqual([
      { day: '20261126', articleId: '', channel: 'bao', counts: { pv: 2 } },
      { day: '20261126', articleId: '', channel: 'chat', counts: { pv: 3 } },
      { day: '20261127', articleId: '', channel: 'bao', counts: { pv: 5 } },
    ]);
  });

  it('sums everything of the days into one row at most, and a speech nothing was counted for into zeros or none', async () => {
    const all = await stores.stats.sums({ days: DAYS, by: [], counters: ['pv', 'completions'] });
    expect(all).toEqual([{ day: '', articleId: '', channel: '', counts: { pv: 17, completions: 2 } }]);
    const none = await stores.stats.sums({ days: DAYS, by: [], articleId: 'nosuch', counters: ['pv'] });
    expect(none.reduce((n, row) => n + row.counts.pv, 0)).toBe(0);
    expect(await stores.stats.sums({ days: DAYS, by: ['day'], articleId: 'nosuch', counters: ['pv'] })).toEqual([]);
  });

  it('sums every day, by speech × channel, from the channel totals', async () => {
    const rows = await stores.stats.sums({ days: 'all', by: ['article', 'channel'], counters: ['pv', 'uv'] });
    expect(sorted(rows)).toEqual([
      { day: '', articleId: 'a1', channel: 'bao', counts: { pv: 107, uv: 105 } },
      { day: '', articleId: 'a1', channel: 'chat', counts: { pv: 3, uv: 3 } },
      { day: '', articleId: 'a2', channel: 'bao', counts: { pv: 7, uv: 6 } },
      { day: '', articleId: 'a2', channel: 'chat', counts: { pv: 50, uv: 50 } },
    ]);
    expect(await stores.stats.sums({ days: 'all', by: ['channel'], articleId: 'a2', counters: ['pv'] })).toEqual(
      expect.arrayContaining([
        { day: '', articleId: '', channel: 'bao', counts: { pv: 7 } },
        { day: '', articleId: '', channel: 'chat', counts: { pv: 50 } },
      ]),
    );
  });

  it('gives every speech its totals', async () => {
    const totals = await stores.stats.totals();
    expect(totals.get('a1')).toMatchObject({ pv: 110, uv: 0, shares: 1 });
    expect(totals.get('a2')).toMatchObject({ pv: 57, completions: 2 });
  });
}
