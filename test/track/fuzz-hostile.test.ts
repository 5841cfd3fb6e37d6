import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import type { Envelope, EventResult, TrackEvent } from '../../typings/contract';
import { WRITE_OPS } from '../support/cloudbase-endpoint';
import { A, adapters, B, drift, type Harness, sid, totals } from './support';

/**
 * Well-formed but hostile calls: crawler reads without a reader, `s` naming someone else's share or a share of
 * another speech, event ids reused across event types, anonymous ids from callers that are not the app. Every call
 * passes the schemas, so these reach the counting rules. They must never fail, never write for nothing, and never
 * count more than the rules allow.
 */

const IDS = ['evHostile1', 'evHostile2', 'evHostile3', 'evHostile4'];
const OTHERS_SHARE_OF_B = sid('o-x', 'OfB1');
const OTHERS_SHARE_OF_A = sid('o-x', 'OfA1');

const attribution = fc.record({
  scene: fc.constantFrom(1129, 1129, 1007, 1154, 1011, null, 999_999),
  chatType: fc.constantFrom(null, 1, 4),
  apiCategory: fc.constantFrom(null, 'default', 'browseOnly'),
  ch: fc.oneof(fc.constant(null), fc.constantFrom('bao', 'chat', 'nope'), fc.string({ maxLength: 64 })),
  s: fc.oneof(
    fc.constant(null),
    fc.constantFrom(OTHERS_SHARE_OF_B, OTHERS_SHARE_OF_A, 'shNone01', '../../x'),
    fc.string({ maxLength: 64 }),
  ),
});
const eventId = fc.constantFrom(...IDS);
const articleId = fc.constantFrom(A, B);
const event: fc.Arbitrary<TrackEvent> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('read' as const), eventId, articleId, attribution }) },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('progress' as const),
      eventId,
      articleId,
      readEventId: eventId,
      depth: fc.double({ min: 0, max: 1, noNaN: true }),
      dwellMs: fc.integer({ min: 0, max: 86_400_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('share' as const),
      eventId,
      articleId,
      shareId: fc.constantFrom(
        OTHERS_SHARE_OF_B,
        OTHERS_SHARE_OF_A,
        sid('o-hostile', 'Min1'),
        sid('o-hostile', 'Min2'),
      ),
      target: fc.constantFrom('chat' as const, 'timeline' as const, 'poster' as const),
    }),
  },
);
const caller = fc.record({
  openid: fc.constantFrom(null, 'o-hostile'),
  anonId: fc.constantFrom(undefined, 'install-hostile-01'),
  source: fc.constantFrom('wx_client', 'wx_http', 'scf', null),
});

describe.each(adapters)('hostile but well-formed track calls, on %s', (_name, open) => {
  let h: Harness;
  afterEach(() => h.close());

  /** Writes made so far: database requests that change something (CloudBase) or rows changed (SQLite). */
  const writes = () =>
    h.endpoint
      ? WRITE_OPS.reduce((n, op) => n + (h.endpoint?.requests.count({ op }) ?? 0), 0)
      : (h.db as Database).prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n;

  test('never fail, never write for crawler reads or refused events, never count beyond the rules', async () => {
    h = await open();
    let run = 0;
    // Someone else's shares, of B and of A.
    await h.track('share', { eventId: 'evOther001', articleId: B, shareId: OTHERS_SHARE_OF_B, target: 'chat' }, 'o-x');
    await h.track('share', { eventId: 'evOther002', articleId: A, shareId: OTHERS_SHARE_OF_A, target: 'chat' }, 'o-x');
    await fc.assert(
      fc.asyncProperty(fc.array(event, { minLength: 1, maxLength: 6 }), caller, async (drawn, who) => {
        // Ids are reused within a call (across types too), never across calls: a repeat of an earlier call's
        // event answers as it did then, which the checks below do not model.
        run += 1;
        const fresh = (id: string) => `${id}r${run}`;
        const events = drawn.map((e): TrackEvent => {
          if (e.type === 'progress') return { ...e, eventId: fresh(e.eventId), readEventId: fresh(e.readEventId) };
          return { ...e, eventId: fresh(e.eventId) };
        });
        const before = { a: await totals(h.store, A), b: await totals(h.store, B), writes: writes() };
        const res = (await h.track(
          'batch',
          { events, ...(who.anonId && { anonId: who.anonId }) },
          who.openid,
          who.source,
        )) as Envelope<{ results: EventResult[] }>;
        expect(res.ok).toBe(true);
        if (!res.ok) return;
        const { results } = res.data;
        for (const r of results) if (!r.ok) expect(['BAD_REQUEST', 'NOT_FOUND', 'RATE_LIMITED']).toContain(r.code);

        const after = { a: await totals(h.store, A), b: await totals(h.store, B) };
        // A repeated id answers as the first time: count each id once.
        const counted = (id: string) =>
          new Set(
            events
              .filter((e, i) => e.type === 'read' && e.articleId === id && results[i]?.counted === true)
              .map((e) => e.eventId),
          ).size;
        // The read count moves by exactly the reads answered counted, and only for a reader WeChat named.
        expect(after.a.pv - before.a.pv).toBe(counted(A));
        expect(after.b.pv - before.b.pv).toBe(counted(B));
        if (who.openid === null) expect(counted(A) + counted(B)).toBe(0);
        // An anonymous reader is taken only from the app in WeChat.
        if (who.openid === null && who.source !== 'wx_client') {
          expect(after.a.anonPv + after.b.anonPv).toBe(before.a.anonPv + before.b.anonPv);
        }
        // Only reads whose s names a share of that very speech by someone else can be share-driven.
        const viaShare = (id: string, share: string) =>
          events.filter(
            (e, i) => e.type === 'read' && e.articleId === id && e.attribution.s === share && results[i]?.ok,
          ).length;
        expect(after.a.shareReads - before.a.shareReads).toBeLessThanOrEqual(viaShare(A, OTHERS_SHARE_OF_A));
        expect(after.b.shareReads - before.b.shareReads).toBeLessThanOrEqual(viaShare(B, OTHERS_SHARE_OF_B));
        // Crawler reads and refused or already-known events write nothing.
        const stored = events.some(
          (e, i) => results[i]?.ok && !(e.type === 'read' && e.attribution.scene === 1129) && e.type !== 'progress',
        );
        if (!stored && !events.some((e) => e.type === 'progress')) expect(writes()).toBe(before.writes);
      }),
      { numRuns: 120 },
    );
    expect(await drift(h.store)).toEqual([]);
  });

  test('an event id reused for another type is refused and writes nothing', async () => {
    h = await open();
    const read = {
      eventId: 'evReused01',
      articleId: A,
      attribution: { scene: 1007, chatType: null, apiCategory: null, ch: null, s: null },
    };
    expect((await h.track('read', read)).ok).toBe(true);
    const before = writes();
    expect(
      await h.track('share', { eventId: 'evReused01', articleId: A, shareId: 'shReuse01', target: 'chat' }),
    ).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(
      await h.track('progress', {
        eventId: 'evReused01',
        articleId: A,
        readEventId: 'evReused01',
        depth: 1,
        dwellMs: 1e6,
      }),
    ).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(writes()).toBe(before);
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, shares: 0, completions: 0 });
  });
});
