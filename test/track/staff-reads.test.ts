import {
  A,
  ADMIN,
  dailyByChannel,
  data,
  describeOnEachAdapter,
  drift,
  MINUTE,
  newId,
  readInput,
  totals,
} from './support';

const TODAY = '20261127';

describeOnEachAdapter('staff reads', (h) => {
  const addStaff = (openid: string) =>
    h.call('admin', 'staff.add', { openid, name: '编辑', role: 'staff' }, ADMIN).then(data);

  test('a staff member checking a page counts in staffPv/staffUv, never in the read count readers see', async () => {
    await addStaff('o-editor');
    const reader = data<{ counted: boolean; readCount: number }>(await h.track('read', readInput(A), 'o-reader'));
    expect(reader).toMatchObject({ counted: true, readCount: 1 });
    // The editor and the administrator open it: the count they are shown stays the readers'.
    const editor = data<{ counted: boolean; readCount: number }>(await h.track('read', readInput(A), 'o-editor'));
    expect(editor).toMatchObject({ counted: false, readCount: 1 });
    const admin = data<{ counted: boolean; readCount: number }>(await h.track('read', readInput(A), ADMIN));
    expect(admin).toMatchObject({ counted: false, readCount: 1 });
    // Again after the 30-minute window: a second staff opening, still nothing in the headline.
    h.clock.advance(31 * MINUTE);
    await h.track('read', readInput(A), 'o-editor');

    const t = await totals(h.store, A);
    expect({ pv: t.pv, uv: t.uv, siteNewUv: t.siteNewUv, staffPv: t.staffPv }).toEqual({
      pv: 1,
      uv: 1,
      siteNewUv: 1,
      staffPv: 3,
    });
    let staffUv = 0;
    let siteUv = 0;
    for (const cell of (await dailyByChannel(h.store, A, TODAY)).values()) {
      staffUv += cell.staffUv;
      siteUv += cell.siteUv;
    }
    expect({ staffUv, siteUv }).toEqual({ staffUv: 2, siteUv: 1 });
    // The counters are exactly the ledger's sums.
    expect(await drift(h.store)).toEqual([]);
  });

  test('a staff member’s completed reading is not a reader’s completion', async () => {
    await addStaff('o-editor');
    const opening = readInput(A);
    await h.track('read', opening, 'o-editor');
    h.clock.advance(5 * MINUTE);
    const progress = { eventId: newId('p'), articleId: A, readEventId: opening.eventId, depth: 1, dwellMs: 5 * MINUTE };
    expect(data(await h.track('progress', progress, 'o-editor'))).toMatchObject({ completed: true });
    expect((await totals(h.store, A)).completions).toBe(0);
    expect(await drift(h.store)).toEqual([]);
  });
});
