import { dayOf } from '../../backend/track/day';
import type { EventResult } from '../../typings/contract';
import {
  A,
  attribution,
  B,
  dailyByChannel,
  data,
  describeOnEachAdapter,
  drift,
  LONG,
  MINUTE,
  NO_TOTALS,
  newId,
  readInput,
  sid,
  T0,
  totals,
} from './support';

type ReadOut = { counted: boolean; readCount: number };
const TODAY = dayOf(T0);

describeOnEachAdapter('the track function', (h) => {
  const read = (articleId: string, over = {}, openid: string | null = 'o-reader', anonId?: string) =>
    h.track<ReadOut>('read', { ...readInput(articleId, over), ...(anonId && { anonId }) }, openid);

  describe('read', () => {
    test('counts an opening, not a re-opening within 30 minutes, and again 30 minutes after the last', async () => {
      expect(data(await read(A))).toEqual({ counted: true, readCount: 1 });
      h.clock.advance(20 * MINUTE);
      expect(data(await read(A))).toEqual({ counted: false, readCount: 1 });
      // The window runs from the last opening: 20 + 20 minutes after the first is only 20 after the last.
      h.clock.advance(20 * MINUTE);
      expect(data(await read(A))).toEqual({ counted: false, readCount: 1 });
      h.clock.advance(30 * MINUTE);
      expect(data(await read(A))).toEqual({ counted: true, readCount: 2 });
      expect(await totals(h.store, A)).toEqual({ ...NO_TOTALS, pv: 2, uv: 1, siteNewUv: 1 });
    });

    test('counts readers apart and articles apart', async () => {
      await read(A, {}, 'o-1');
      await read(A, {}, 'o-2');
      await read(B, {}, 'o-1');
      expect(await totals(h.store, A)).toMatchObject({ pv: 2, uv: 2 });
      expect(await totals(h.store, B)).toMatchObject({ pv: 1, uv: 1 });
    });

    test('counts a reader again in the next China-time day’s UV, but not in PV, when the window spans midnight', async () => {
      h.clock.ms = Date.parse('2026-11-27T15:50:00Z'); // 23:50 in China
      await read(A, { scene: 1007 });
      h.clock.advance(20 * MINUTE);
      expect(data(await read(A, { ch: 'bao' })).counted).toBe(false);
      expect((await dailyByChannel(h.store, A, '20261127')).get('session')).toMatchObject({ pv: 1, uv: 1, newUv: 1 });
      expect((await dailyByChannel(h.store, A, '20261128')).get('bao')).toMatchObject({ pv: 0, uv: 1, newUv: 0 });
      expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
    });

    test('uses the anonId only without an openid, and counts such readers as their own kind, not in the read count', async () => {
      // An anonymous opening is counted in anonPv/anonUv; the read count (pv) is of readers WeChat named.
      expect(data(await read(A, { scene: 1154, apiCategory: 'browseOnly' }, null, 'install-0001'))).toEqual({
        counted: false,
        readCount: 0,
      });
      await read(A, { scene: 1154 }, null, 'install-0001');
      await read(A, {}, 'o-1', 'install-0001');
      expect(await totals(h.store, A)).toEqual({
        ...NO_TOTALS,
        pv: 1,
        uv: 1,
        anonPv: 1,
        anonUv: 1,
        siteNewUv: 1,
        siteNewAnonUv: 1,
      });
      const day = await dailyByChannel(h.store, A, '20261127');
      expect(day.get('moments')).toMatchObject({ pv: 0, uv: 0, newUv: 0, anonPv: 1, anonUv: 1, newAnonUv: 1 });
    });

    test('anonymous inflation: 100 calls with a fresh anonId each and no openid move pv and uv by 0', async () => {
      for (let i = 0; i < 100; i += 1) {
        const res = await read(A, { scene: 1154 }, null, `install-${String(i).padStart(6, '0')}`);
        expect(res).toMatchObject({ ok: true, data: { counted: false, readCount: 0 } });
      }
      expect(await totals(h.store, A)).toMatchObject({ pv: 0, uv: 0, anonPv: 100, anonUv: 100 });
      expect(await drift(h.store)).toEqual([]);
    });

    test('takes an anonId only from a call the WeChat client made (getWXContext().SOURCE wx_client)', async () => {
      for (const source of ['wx_http', 'wx_devtools', 'scf', 'wx_client,scf', 'wx_unknown', null]) {
        const res = await h.track('read', { ...readInput(A), anonId: 'install-0002' }, null, source);
        expect(res).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      }
      expect(await totals(h.store, A)).toEqual(NO_TOTALS);
      // A named reader is counted whatever started the call.
      expect(await h.track('read', readInput(A), 'o-1', 'wx_http')).toMatchObject({ ok: true });
    });

    test('refuses a reader with neither openid nor anonId, and a speech that does not exist', async () => {
      expect(await read(A, {}, null)).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(await read('nope')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await totals(h.store, A)).toMatchObject({ pv: 0 });
    });

    test('the same eventId again changes nothing and answers as the first time', async () => {
      const input = readInput(A);
      expect(data(await h.track<ReadOut>('read', input))).toEqual({ counted: true, readCount: 1 });
      h.clock.advance(40 * MINUTE);
      expect(data(await h.track<ReadOut>('read', input))).toEqual({ counted: true, readCount: 1 });
      expect(await h.track('read', { ...input, articleId: B })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
    });
  });

  describe('channels', () => {
    const channelsOf = async () => dailyByChannel(h.store, A, TODAY);

    test('ch=bao wins over scene 1007; scene 1007 alone is 会话; 1154 is 朋友圈', async () => {
      await read(A, { ch: 'bao', scene: 1007 }, 'o-1');
      await read(A, { scene: 1007 }, 'o-2');
      await read(A, { scene: 1154 }, 'o-3');
      const channels = await channelsOf();
      expect([...channels.keys()].sort()).toEqual(['bao', 'moments', 'session']);
      expect(channels.get('bao')).toMatchObject({ pv: 1, uv: 1 });
    });

    test('scene 1129 (the crawler) is answered but never counted or stored', async () => {
      expect(data(await read(A, { scene: 1129 }, null))).toEqual({ counted: false, readCount: 0 });
      expect(data(await read(A, { scene: 1129 }))).toEqual({ counted: false, readCount: 0 });
      expect(await totals(h.store, A)).toMatchObject({ pv: 0, uv: 0 });
      expect((await h.store.reconcileSnapshot({ from: null, to: '99991231' })).entries).toEqual([]);
    });

    test('an unknown or malformed ch is counted under unknown and not kept as sent', async () => {
      await read(A, { ch: '<script>', scene: 1007 }, 'o-1');
      await read(A, { ch: 'x'.repeat(64) }, 'o-2');
      const channels = await channelsOf();
      expect([...channels.keys()]).toEqual(['unknown']);
      expect(channels.get('unknown')).toMatchObject({ pv: 2 });
      const { entries } = await h.store.reconcileSnapshot({ from: null, to: '99991231' });
      expect(JSON.stringify(entries)).not.toMatch(/script|xxxx/);
    });
  });

  describe('share', () => {
    const share = (shareId: string, articleId = A, openid = 'o-sharer', target = 'chat') =>
      h.track<{ recorded: boolean }>('share', { eventId: newId('s'), articleId, shareId, target }, openid);
    const mine = (tag: string, openid = 'o-sharer') => sid(openid, tag);

    test('is counted under the target’s channel; a read is share-driven only when s names a recorded share of it', async () => {
      expect(data(await share(mine('0001')))).toEqual({ recorded: true });
      await share(mine('0002'), A, 'o-sharer', 'poster');
      await share(mine('OfB1'), B);
      await read(A, { ch: 'chat', s: mine('0001'), scene: 1007 }, 'o-friend-1');
      await read(A, { ch: 'chat', s: 'sh99999', scene: 1007 }, 'o-friend-2');
      await read(A, { ch: 'chat', s: mine('OfB1'), scene: 1007 }, 'o-friend-3');
      await read(A, { ch: 'chat', s: '<img src=x>', scene: 1007 }, 'o-friend-4');
      expect(await totals(h.store, A)).toMatchObject({ pv: 4, uv: 4, shares: 2, shareReads: 1 });
      const channels = await dailyByChannel(h.store, A, TODAY);
      expect(channels.get('chat')).toMatchObject({ shares: 1, pv: 4, shareReads: 1 });
      expect(channels.get('poster')).toMatchObject({ shares: 1 });
      const { entries } = await h.store.reconcileSnapshot({ from: null, to: '99991231' });
      const reads = entries.flatMap(({ entry }) => (entry.type === 'read' ? [[entry.share, entry.unknownShare]] : []));
      expect(reads).toEqual(
        expect.arrayContaining([
          [mine('0001'), false],
          [null, true],
          [null, true],
          [null, true],
        ]),
      );
      expect(JSON.stringify(entries)).not.toContain('img');
    });

    test('a re-opening through a share within the window is not a share-driven read', async () => {
      await share(mine('0001'));
      await read(A, {}, 'o-friend');
      await read(A, { s: mine('0001') }, 'o-friend');
      expect(await totals(h.store, A)).toMatchObject({ pv: 1, shareReads: 0 });
    });

    test('a share id another event already took is refused', async () => {
      await share(mine('0001', 'o-1'), A, 'o-1');
      expect(await share(mine('0001', 'o-1'), A, 'o-2')).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(await totals(h.store, A)).toMatchObject({ shares: 1 });
    });
  });

  describe('progress', () => {
    const progress = (articleId: string, readEventId: string, depth: number, dwellMs: number, openid = 'o-reader') =>
      h.track<{ completed: boolean }>(
        'progress',
        { eventId: newId('p'), articleId, readEventId, depth, dwellMs },
        openid,
      );

    test('completes a reading at 90% depth after a third of its reading time, once', async () => {
      const opening = readInput(LONG);
      await h.track('read', opening);
      expect(data(await progress(LONG, opening.eventId, 0.5, 200_000))).toEqual({ completed: false });
      expect(data(await progress(LONG, opening.eventId, 1, 100_000))).toEqual({ completed: false });
      expect(data(await progress(LONG, opening.eventId, 0.92, 140_000))).toEqual({ completed: true });
      expect(data(await progress(LONG, opening.eventId, 1, 300_000))).toEqual({ completed: true });
      expect(await totals(h.store, LONG)).toMatchObject({ pv: 1, completions: 1 });
    });

    test('a re-opening in the same window completes the same reading, not a second one', async () => {
      const first = readInput(A);
      await h.track('read', first);
      await progress(A, first.eventId, 1, 60_000);
      h.clock.advance(10 * MINUTE);
      const again = readInput(A);
      await h.track('read', again);
      expect(data(await progress(A, again.eventId, 1, 60_000))).toEqual({ completed: true });
      h.clock.advance(40 * MINUTE);
      const later = readInput(A, { ch: 'wei' });
      await h.track('read', later);
      expect(data(await progress(A, later.eventId, 1, 60_000))).toEqual({ completed: true });
      expect(await totals(h.store, A)).toMatchObject({ pv: 2, completions: 2 });
      // A completion is counted under the channel of the reading it completes.
      expect((await dailyByChannel(h.store, A, TODAY)).get('wei')).toMatchObject({ pv: 1, completions: 1 });
    });

    test('is NOT_FOUND for a read that is not this reader’s, not of this speech, or not recorded yet', async () => {
      const opening = readInput(A);
      await h.track('read', opening, 'o-1');
      expect(await progress(A, opening.eventId, 1, 60_000, 'o-2')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await progress(B, opening.eventId, 1, 60_000, 'o-1')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await progress(A, 'never-sent-1', 1, 60_000, 'o-1')).toMatchObject({ ok: false, code: 'NOT_FOUND' });
      expect(await totals(h.store, A)).toMatchObject({ completions: 0 });
    });
  });

  describe('batch', () => {
    test('answers each event in order: a read, its completion and a share in one call', async () => {
      const opening = readInput(A);
      const events = [
        { type: 'read', ...opening },
        {
          type: 'progress',
          eventId: newId('p'),
          articleId: A,
          readEventId: opening.eventId,
          depth: 1,
          dwellMs: 50_000,
        },
        { type: 'share', eventId: newId('s'), articleId: A, shareId: sid('o-reader', 'Bat1'), target: 'timeline' },
        { type: 'read', ...readInput('nope') },
        { type: 'read', ...opening },
      ];
      const { results } = data(await h.track<{ results: EventResult[] }>('batch', { events }));
      expect(results).toEqual([
        { eventId: opening.eventId, ok: true, counted: true },
        { eventId: events[1]?.eventId, ok: true },
        { eventId: events[2]?.eventId, ok: true },
        { eventId: events[3]?.eventId, ok: false, code: 'NOT_FOUND' },
        { eventId: opening.eventId, ok: true, counted: true },
      ]);
      expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1, completions: 1, shares: 1 });
      expect((await dailyByChannel(h.store, A, TODAY)).get('tl')).toMatchObject({ shares: 1 });
    });

    test('refuses the whole batch when one event is malformed, or there are more than 20', async () => {
      const good = { type: 'read', ...readInput(A) };
      const bad = { type: 'read', ...readInput(A), eventId: 'short' };
      expect(await h.track('batch', { events: [good, bad] })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      const many = Array.from({ length: 21 }, () => ({ type: 'read', ...readInput(A) }));
      expect(await h.track('batch', { events: many })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(await h.track('batch', { events: [] })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      expect(await totals(h.store, A)).toMatchObject({ pv: 0 });
    });
  });

  test('attribution is strict in shape: every field present, nothing extra', async () => {
    const { s: _s, ...missing } = attribution();
    expect(await h.track('read', { eventId: newId(), articleId: A, attribution: missing })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
    expect(
      await h.track('read', { eventId: newId(), articleId: A, attribution: { ...attribution(), openid: 'x' } }),
    ).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});
