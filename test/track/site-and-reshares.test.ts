import { addDays } from '../../backend/track/day';
import { A, B, dailyByChannel, describeOnEachAdapter, LONG, MINUTE, newId, readInput, sid, totals } from './support';

const TODAY = '20261127';
const DAY = 24 * 60 * MINUTE;

/** The sum of one counter over every speech and channel of a day: how staff statistics read it. */
async function siteCounter(
  h: Parameters<Parameters<typeof describeOnEachAdapter>[1]>[0],
  day: string,
  counter: 'siteUv' | 'siteNewUv',
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

  test('anonymous readers are not site-wide readers: those figures are of readers WeChat named', async () => {
    await h.track('read', { ...readInput(A, { scene: 1154 }), anonId: 'install-0001' }, null);
    expect(await siteCounter(h, TODAY, 'siteUv')).toBe(0);
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
