import { cellDelta } from '../../backend/track/model';
import { reconcile } from '../../backend/track/reconcile';
import {
  A,
  ADMIN,
  attribution,
  B,
  dailyByChannel,
  data,
  describeOnEachAdapter,
  type Harness,
  MINUTE,
  newId,
  readInput,
  sid,
  totals,
} from './support';

const TODAY = '20261127';
type Read = { counted: boolean; readCount: number };

/** The day's cells of `articleId` summed over channels. */
async function day(h: Harness, articleId: string) {
  const sum: Record<string, number> = {};
  for (const cell of (await dailyByChannel(h.store, articleId, TODAY)).values()) {
    for (const [k, n] of Object.entries(cell)) sum[k] = (sum[k] ?? 0) + n;
  }
  return sum;
}

const publicFigures = (d: Record<string, number>) => ({
  pv: d.pv ?? 0,
  uv: d.uv ?? 0,
  newUv: d.newUv ?? 0,
  siteUv: d.siteUv ?? 0,
  siteNewUv: d.siteNewUv ?? 0,
  shareReads: d.shareReads ?? 0,
  unknownShareReads: d.unknownShareReads ?? 0,
  completions: d.completions ?? 0,
});

describeOnEachAdapter('staff reads', (h) => {
  const addStaff = (openid: string) =>
    h.call('admin', 'staff.add', { openid, name: '编辑', role: 'staff' }, ADMIN).then(data);
  /** The staff id staff.list gives the member named `name`. */
  const idOf = async (name = '编辑') =>
    data(await h.call<{ items: Array<{ id: string; name: string }> }>('admin', 'staff.list', {}, ADMIN)).items.find(
      (m) => m.name === name,
    )?.id as string;
  const read = async (openid: string, input = readInput(A)) => data<Read>(await h.track('read', input, openid));

  test('a staff member’s and an ADMIN_OPENIDS administrator’s openings move staffPv/staffUv, nothing readers see', async () => {
    expect(await read('o-reader')).toMatchObject({ counted: true, readCount: 1 });
    const share = { eventId: newId('s'), articleId: A, shareId: sid('o-reader', 'Cst1'), target: 'chat' };
    data(await h.track('share', share, 'o-reader'));
    const before = await day(h, A);

    await addStaff('o-editor');
    // Through a reader's share, and with a share id that names none: still not a read readers count.
    expect(await read('o-editor', readInput(A, { s: share.shareId }))).toEqual({ counted: false, readCount: 1 });
    expect(await read(ADMIN, readInput(A, { s: 'zzzzzzzzzzzz' }))).toEqual({ counted: false, readCount: 1 });
    // Again after the 30-minute window, through article.get: a second staff opening, answered with the readers'
    // count and as not counted; then a second speech.
    h.clock.advance(31 * MINUTE);
    const got = data(
      await h.call<{ read: { ok: boolean; counted?: boolean }; readCount: number }>(
        'content',
        'article.get',
        { id: A, read: { eventId: newId(), attribution: attribution() } },
        'o-editor',
      ),
    );
    expect({ read: got.read, readCount: got.readCount }).toMatchObject({
      read: { ok: true, counted: false },
      readCount: 1,
    });
    expect(await read('o-editor', readInput(B))).toEqual({ counted: false, readCount: 0 });

    const after = await day(h, A);
    expect(publicFigures(after)).toEqual(publicFigures(before));
    expect({ staffPv: after.staffPv, staffUv: after.staffUv }).toEqual({ staffPv: 3, staffUv: 2 });
    expect(publicFigures(await day(h, B))).toEqual(publicFigures({}));
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1, siteNewUv: 1, shareReads: 0, staffPv: 3 });
  });

  test('a staff member’s completed reading is not a reader’s completion', async () => {
    await addStaff('o-editor');
    const opening = readInput(A);
    await read('o-editor', opening);
    h.clock.advance(5 * MINUTE);
    const progress = { eventId: newId('p'), articleId: A, readEventId: opening.eventId, depth: 1, dwellMs: 5 * MINUTE };
    expect(data(await h.track('progress', progress, 'o-editor'))).toMatchObject({ completed: true });
    expect(data(await h.track('progress', progress, 'o-editor'))).toMatchObject({ completed: true });
    expect((await totals(h.store, A)).completions).toBe(0);
  });

  test('removed from staff, their later reads count as a reader’s again — uv, newUv and site-wide included; earlier ones stay', async () => {
    // Read as a reader first: counted, and stays counted.
    expect(await read('o-editor', readInput(B))).toMatchObject({ counted: true, readCount: 1 });
    await addStaff('o-editor');
    expect(await read('o-editor')).toEqual({ counted: false, readCount: 0 });
    expect(await totals(h.store, B)).toMatchObject({ pv: 1, uv: 1 });

    const id = await idOf();
    expect(data(await h.call('admin', 'staff.remove', { id }, ADMIN))).toEqual({ removed: true });
    // Within the 30 minutes of their staff opening: a reader's first opening of A all the same.
    h.clock.advance(MINUTE);
    expect(await read('o-editor')).toEqual({ counted: true, readCount: 1 });
    const a = await day(h, A);
    expect({ pv: a.pv, uv: a.uv, newUv: a.newUv, staffPv: a.staffPv, staffUv: a.staffUv }).toEqual({
      pv: 1,
      uv: 1,
      newUv: 1,
      staffPv: 1,
      staffUv: 1,
    });
    // Their first reader's opening of the day was B's: A's is not site-wide first.
    expect((await day(h, B)).siteNewUv).toBe(1);
    expect(a.siteUv).toBe(0);
  });

  test('added before they ever read: a record holding the mark; their first reads count as staff', async () => {
    await addStaff('o-new');
    expect(await read('o-new')).toEqual({ counted: false, readCount: 0 });
    const a = await day(h, A);
    expect({ pv: a.pv, siteNewUv: a.siteNewUv, staffPv: a.staffPv }).toEqual({ pv: 0, siteNewUv: 0, staffPv: 1 });
    // Removed, their first reader's opening is their first ever, site-wide too.
    await h.call('admin', 'staff.remove', { id: await idOf() }, ADMIN).then(data);
    h.clock.advance(MINUTE);
    expect(await read('o-new')).toEqual({ counted: true, readCount: 1 });
    expect(await day(h, A)).toMatchObject({ pv: 1, uv: 1, newUv: 1, siteUv: 1, siteNewUv: 1, staffPv: 1 });
  });

  test('staff added before reads told them apart are marked by setup.db (the deploy runs it)', async () => {
    const key = h.ctx(null).readerKey({ openid: 'o-old' }, undefined)?.key as string;
    await h.stores.staff.put({ key, name: '老编辑', role: 'staff', addedBy: null, addedAt: 0 });
    expect(await read('o-old')).toEqual({ counted: true, readCount: 1 });
    expect(data(await h.call<{ staff: unknown }>('admin', 'setup.db', {}, ADMIN)).staff).toEqual({ marked: 1 });
    h.clock.advance(31 * MINUTE);
    expect(await read('o-old')).toEqual({ counted: false, readCount: 1 });
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, staffPv: 1 });
  });

  test('reconcile recomputes the same split from the ledger: a staff opening counted as a reader’s is moved back', async () => {
    await addStaff('o-editor');
    await read('o-editor');
    await read('o-reader');
    // A counter write gone wrong: the staff opening landed in the headline.
    const channel = [...(await dailyByChannel(h.store, A, TODAY)).keys()][0] as string;
    await h.store.adjustCounters([
      cellDelta(A, { day: TODAY, channel, add: { pv: 1, uv: 1, staffPv: -1, staffUv: -1 } }),
    ]);
    expect(await totals(h.store, A)).toMatchObject({ pv: 2, staffPv: 0 });
    const report = await reconcile(h.store, { from: null, to: '99991231', fix: true });
    expect(report.drift.map((d) => `${d.day ?? 'total'} ${d.counter} ${d.counted}→${d.ledger}`).sort()).toEqual(
      [
        `${TODAY} pv 2→1`,
        `${TODAY} uv 2→1`,
        `${TODAY} staffPv 0→1`,
        `${TODAY} staffUv 0→1`,
        'total pv 2→1',
        'total staffPv 0→1',
      ].sort(),
    );
    expect(await totals(h.store, A)).toMatchObject({ pv: 1, uv: 1, staffPv: 1 });
  });

  test('a share by a staff member is a reshare only if a share brought them to the speech as staff', async () => {
    const first = { eventId: newId('s'), articleId: A, shareId: sid('o-reader', 'Cst2'), target: 'chat' };
    data(await h.track('share', first, 'o-reader'));
    // As a reader, o-editor came through o-reader's share; then they become staff and share the speech themselves.
    expect(await read('o-editor', readInput(A, { s: first.shareId }))).toMatchObject({ counted: true });
    await addStaff('o-editor');
    const own = { eventId: newId('s'), articleId: A, shareId: sid('o-editor', 'Cst3'), target: 'chat' };
    data(await h.track('share', own, 'o-editor'));
    expect(await totals(h.store, A)).toMatchObject({ shares: 2, reshares: 0 });
  });
});
