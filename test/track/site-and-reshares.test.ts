import { addDays } from '../../backend/track/day';
import { A, B, dailyByChannel, describeOnEachAdapter, LONG, MINUTE, newId, readInput, sid, totals } from './support';

const TODAY = '20261127';
const DAY = 24 * 60 * MINUTE;

/** The sum of one counter over every speech and channel of a day: how staff statistics read it. */
async function siteCounter(
  h: Parameters<Parameters<typeof describeOnEachAdapter>[1]>[0],
  day: string,
  counter: 'siteUv' | 'siteNewUv' | 'siteAnonUv' | 'siteNewAnonUv',
) {
  let sum = 0;
  for (const id of [A, B, LONG])
    for (const cell of (await dailyByChannel(h.store, id, day)).values()) sum += cell[counter];
  return sum;
}

describeOnEachAdapter('readers across every speech', (h) => {
  test('a reader is one site-wide reader a day however many speeches they open, and new only on their first day', async () => {
    await h.track('read', readInput(A, { ch: 'bao' }), 'o-1');
    await h.track('read', readInput(B), 'o-1');
    await h.track('read', readInput(LONG), 'o-1');
    await h.track('read', readInput(B), 'o-2');
    // Per-speech UV adds up to 4 reader-speeches; site-wide it is 2 readers, both new.
    expect(await siteCounter(h, TODAY, 'siteUv')).toBe(2);
    expect(await siteCounter(h, TODAY, 'siteNewUv')).toBe(2);
    // Under the speech and channel they opened first.
    expect((await dailyByChannel(h.store, A, TODAY)).get('bao')).toMatchObject({ siteUv: 1, siteNewUv: 1 });

    h.clock.advance(DAY);
    await h.track('read', readInput(B), 'o-1');
    await h.track('read', readInput(A), 'o-1');
    await h.track('read', readInput(A), 'o-3');
    const tomorrow = addDays(TODAY, 1);
    expect(await siteCounter(h, tomorrow, 'siteUv')).toBe(2);
    expect(await siteCounter(h, tomorrow, 'siteNewUv')).toBe(1);
    // All time: three distinct readers, which the speeches' totals of siteNewUv add up to exactly.
    const all =
      (await totals(h.store, A)).siteNewUv +
      (await totals(h.store, B)).siteNewUv +
      (await totals(h.store, LONG)).siteNewUv;
    expect(all).toBe(3);
  });

  test('anonymous readers are counted site-wide apart from the readers WeChat named, once a day and once ever', async () => {
    const single = (id: string, install: string) =>
      h.track('read', { ...readInput(id, { scene: 1154 }), anonId: install }, null);
    await single(A, 'install-0001');
    await single(B, 'install-0001');
    await single(LONG, 'install-0001');
    await single(B, 'install-0002');
    expect(await siteCounter(h, TODAY, 'siteUv')).toBe(0);
    // Four install-speeches, two installs.
    expect(await siteCounter(h, TODAY, 'siteAnonUv')).toBe(2);
    expect(await siteCounter(h, TODAY, 'siteNewAnonUv')).toBe(2);
    h.clock.advance(DAY);
    await single(A, 'install-0001');
    await single(B, 'install-0003');
    expect(await siteCounter(h, addDays(TODAY, 1), 'siteAnonUv')).toBe(2);
    expect(await siteCounter(h, addDays(TODAY, 1), 'siteNewAnonUv')).toBe(1);
    const ever = [A, B, LONG].map(async (id) => (await totals(h.store, id)).siteNewAnonUv);
    expect((await Promise.all(ever)).reduce((a, b) => a + b)).toBe(3);
  });
});

describeOnEachAdapter('reshares', (h) => {
  const share = (openid: string, shareId: string, target = 'chat') =>
    h.track('share', { eventId: newId('s'), articleId: A, shareId, target }, openid);

  test('a share by a reader whom a share brought to the speech is a reshare; other shares are not', async () => {
    await h.track('read', readInput(A), 'o-sharer');
    await share('o-sharer', sid('o-sharer', 'ReA1'));
    await h.track('read', readInput(A, { ch: 'chat', s: sid('o-sharer', 'ReA1'), scene: 1007 }), 'o-friend');
    await share('o-friend', sid('o-friend', 'ReA2'));
    // The friend passes it on again the same day: not counted again as a share, so not as a reshare either.
    await share('o-friend', sid('o-friend', 'ReA3'));
    await share('o-friend', sid('o-friend', 'ReA4'), 'timeline');
    expect(await totals(h.store, A)).toMatchObject({ shares: 3, shareReads: 1, reshares: 2 });
  });
});
