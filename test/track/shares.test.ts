import { A, B, dailyByChannel, data, describeOnEachAdapter, MINUTE, newId, readInput, sid, totals } from './support';

const DAY_MS = 24 * 60 * 60 * 1000;

describeOnEachAdapter('shares and the reads they bring', (h) => {
  let serial = 0;
  const share = (articleId: string, target: string, openid = 'o-sharer') => {
    serial += 1;
    const shareId = sid(openid, String(serial).padStart(4, '0'));
    return h
      .track('share', { eventId: newId('s'), articleId, shareId, target }, openid)
      .then((res) => ({ res, shareId }));
  };

  test('share pumping: one share per reader × speech × target per China day is counted', async () => {
    for (let i = 0; i < 30; i += 1) expect((await share(A, 'chat')).res.ok).toBe(true);
    expect(await totals(h.store, A)).toMatchObject({ shares: 1 });
    await share(A, 'timeline');
    await share(A, 'timeline');
    await share(B, 'chat');
    await share(A, 'chat', 'o-other');
    expect(await totals(h.store, A)).toMatchObject({ shares: 3 });
    expect(await totals(h.store, B)).toMatchObject({ shares: 1 });
    h.clock.advance(DAY_MS);
    await share(A, 'chat');
    await share(A, 'chat');
    expect(await totals(h.store, A)).toMatchObject({ shares: 4 });
  });

  test('every share still attributes the reads through it, counted or not', async () => {
    await share(A, 'chat');
    const { shareId } = await share(A, 'chat');
    expect(data(await h.track('read', readInput(A, { ch: 'chat', s: shareId }), 'o-friend'))).toMatchObject({
      counted: true,
    });
    expect(await totals(h.store, A)).toMatchObject({ shares: 1, shareReads: 1 });
  });

  test('a reader’s read through their own share is not share-driven', async () => {
    const { shareId } = await share(A, 'chat');
    await h.track('read', readInput(A, { ch: 'chat', s: shareId }), 'o-sharer');
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, shareReads: 0, unknownShareReads: 0 });
    await h.track('read', readInput(A, { ch: 'chat', s: shareId }), 'o-friend');
    expect(await totals(h.store, A)).toMatchObject({ pv: 2, shareReads: 1 });
  });

  test('an `s` naming no recorded share of the speech is counted in unknownShareReads, daily and in total', async () => {
    const { shareId: ofB } = await share(B, 'chat');
    await h.track('read', readInput(A, { s: 'zzzzzzzz' }), 'o-1');
    await h.track('read', readInput(A, { s: '<not an id>' }), 'o-2');
    await h.track('read', readInput(A, { s: ofB }), 'o-3');
    // A re-opening within the window is not a counted read, so it adds nothing.
    h.clock.advance(MINUTE);
    await h.track('read', readInput(A, { s: 'zzzzzzzz' }), 'o-1');
    expect(await totals(h.store, A)).toMatchObject({ pv: 3, shareReads: 0, unknownShareReads: 3 });
    const day = await dailyByChannel(h.store, A, '20261127');
    expect(day.get('other')).toMatchObject({ pv: 3, unknownShareReads: 3 });
  });

  test('a share id is its reader’s: nobody else can record it first and take the credit for its reads', async () => {
    const theirs = sid('o-sharer', 'Sq01');
    // A squatter who saw the link before the sharer's share was recorded (the sharer was offline).
    const squat = await h.track('share', { eventId: newId('s'), articleId: A, shareId: theirs, target: 'chat' }, 'o-x');
    expect(squat).toMatchObject({ ok: false, code: 'BAD_REQUEST', message: expect.stringMatching(/不是你的/) });
    const mine = await h.track(
      'share',
      { eventId: newId('s'), articleId: A, shareId: theirs, target: 'chat' },
      'o-sharer',
    );
    expect(mine).toMatchObject({ ok: true });
    await h.track('read', readInput(A, { ch: 'chat', s: theirs }), 'o-friend');
    // Through the sharer's share, read by a friend: share-driven, not the squatter's own read.
    expect(await totals(h.store, A)).toMatchObject({ shares: 1, shareReads: 1 });
  });
});
