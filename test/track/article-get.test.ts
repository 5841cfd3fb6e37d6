import { contentActions } from '../../backend/content/handlers';
import { dispatch } from '../../backend/core/router';
import type { Stores } from '../../backend/core/stores';
import { RECORDING_DEADLINE_MS } from '../../backend/track/record';
import type { ArticleView, Envelope, EventResult } from '../../typings/contract';
import { A, adapters, attribution, data, drift, type Harness, newId, totals } from './support';

type Answer = ArticleView & { read?: EventResult };

describe.each(adapters)('article.get recording the opening, on %s', (_name, open) => {
  let h: Harness;
  beforeEach(async () => {
    h = await open();
  });
  afterEach(async () => {
    await h.close();
  });

  const get = async (input: unknown, openid: string | null = 'o-reader', stores: Stores = h.stores) =>
    (await dispatch(
      contentActions,
      { action: 'article.get', input },
      { ...h.ctx(openid), stores },
    )) as Envelope<Answer>;
  const opening = (over = {}) => ({ eventId: newId('r'), attribution: attribution(over) });

  test('serves the speech and records the read in the same call, with the count after recording', async () => {
    const first = data(await get({ id: A, read: opening({ scene: 1007 }) }));
    expect(first.title).toBe('潮起东方万象新 勇担使命再出发');
    expect(first.readCount).toBe(1);
    expect(first.read).toEqual({ eventId: expect.any(String), ok: true, counted: true });
    const again = data(await get({ id: A, read: opening() }));
    expect(again).toMatchObject({ readCount: 1, read: { ok: true, counted: false } });
    expect(data(await get({ id: A, read: opening() }, 'o-other'))).toMatchObject({ readCount: 2 });
    expect(await totals(h.store, A)).toMatchObject({ pv: 2, uv: 2 });
    expect(await drift(h.store)).toEqual([]);
  });

  test('without `read` it only serves, as before', async () => {
    const view = data(await get({ id: A }));
    expect(view.readCount).toBe(0);
    expect(view).not.toHaveProperty('read');
    expect(await totals(h.store, A)).toMatchObject({ pv: 0 });
  });

  test('the crawler (scene 1129) gets the speech but is not counted', async () => {
    const view = data(await get({ id: A, read: opening({ scene: 1129 }) }, null));
    expect(view.blocks.length).toBeGreaterThan(0);
    expect(view.read).toEqual({ eventId: expect.any(String), ok: true, counted: false });
    expect(await totals(h.store, A)).toMatchObject({ pv: 0 });
  });

  test('an anonymous reader in 朋友圈 single-page mode is counted by anonId, apart from the read count', async () => {
    const view = data(await get({ id: A, read: opening({ scene: 1154 }), anonId: 'install-123456' }, null));
    expect(view.read).toMatchObject({ ok: true, counted: false });
    expect(await totals(h.store, A)).toMatchObject({ pv: 0, uv: 0, anonPv: 1, anonUv: 1 });
  });

  test('a read that cannot be recorded still serves the speech, and says so for the app to retry', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken: Stores = {
      ...h.stores,
      track: { ...h.store, applyEvents: () => Promise.reject(new Error('disk on fire')) },
    };
    const read = opening();
    const view = data(await get({ id: A, read }, 'o-reader', broken));
    expect(view.title).toBeTruthy();
    expect(view.read).toEqual({ eventId: read.eventId, ok: false, code: 'INTERNAL' });
    expect(view.readCount).toBeNull();
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    // The app's retry through `track` with the same eventId counts it.
    expect(data(await h.track('read', { articleId: A, ...read }))).toEqual({ counted: true, readCount: 1 });
  });

  test('no reader at all: served, and the read is refused', async () => {
    const view = data(await get({ id: A, read: opening() }, null));
    expect(view.read).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });

  test('a malformed read is BAD_REQUEST for the whole call, like any bad input', async () => {
    expect(await get({ id: A, read: { eventId: 'x', attribution: attribution() } })).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
    expect(await get({ id: A, read: opening(), anonId: 'a b' })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});

describe('article.get when recording stalls', () => {
  test('serves the speech at the deadline without a count, tells the app to send the read again, and a late landing counts once', async () => {
    const h = await adapters[0]?.[1]();
    if (!h) throw new Error('no adapter');
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let release: () => void = () => undefined;
    const stalled: Stores = {
      ...h.stores,
      track: {
        ...h.store,
        applyEvents: async (request, decide) => {
          await new Promise<void>((resolve) => {
            release = resolve;
          });
          return h.store.applyEvents(request, decide);
        },
        // The whole database stalls: asking it for the count instead would keep the reader waiting.
        readCounts: () => new Promise(() => undefined),
      },
    };
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const read = { eventId: newId('r'), attribution: attribution() };
      const answer = dispatch(
        contentActions,
        { action: 'article.get', input: { id: A, read } },
        {
          ...h.ctx('o-reader'),
          stores: stalled,
        },
      ) as Promise<Envelope<Answer>>;
      await jest.advanceTimersByTimeAsync(RECORDING_DEADLINE_MS);
      const view = data(await answer);
      expect(view.title).toBeTruthy();
      expect(view.readCount).toBeNull();
      expect(view.read).toEqual({ eventId: read.eventId, ok: false, code: 'INTERNAL' });
      expect(spy).toHaveBeenCalledWith(expect.stringMatching(/served without it/));
      // The stalled write lands after all; the app's retry with the same eventId changes nothing.
      release();
      jest.useRealTimers();
      await new Promise((resolve) => setImmediate(resolve));
      expect(data(await h.track('read', { articleId: A, ...read }))).toEqual({ counted: true, readCount: 1 });
      expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1 });
    } finally {
      jest.useRealTimers();
      spy.mockRestore();
      await h.close();
    }
  });
});
