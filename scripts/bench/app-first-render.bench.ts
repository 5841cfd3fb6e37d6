/**
 * Figure 4: first render in miniprogram-simulate, the pages over the real handlers (test/miniprogram/support):
 * setData calls and their bytes until the page has shown its data. Run by scripts/bench.ts through jest
 * (scripts/bench/jest.config.js); each test hands its figures over with writePart.
 */

import { staffCloud } from '../../test/miniprogram/staff/helpers';
import { freshApp } from '../../test/miniprogram/support/app';
import { contentCloud } from '../../test/miniprogram/support/cloud';
import { wxMock, wxStub } from '../../test/miniprogram/support/runtime';
import type { Figure } from './budget';
import { writePart } from './parts';

const ARTICLE_CALLS = 2;
const ARTICLE_KB = 32;
const INSTALLMENT_CALLS = 2;
const INSTALLMENT_KB = 8;
/** Issue 4: an opening makes one content call; a cached speech at most one (its read, to `track`). */
const OPENING_CLOUD_CALLS = 1;

/** The calls an opening makes; queued background deliveries (track/batch) are not part of it. */
const openingCalls = () =>
  wxMock.cloud.callFunction.mock.calls
    .map(([r]) => `${r.name}/${r.data.action}`)
    .filter((name) => name !== 'track/batch');

const sum = (calls: Array<{ bytes: number }>) => calls.reduce((n, c) => n + c.bytes, 0);
const fig = (name: string, value: number, unit: string, max: number | null): Figure => ({
  group: 4,
  name,
  value,
  unit,
  budget: max === null ? null : { max },
});

beforeEach(() => wxStub.reset());

test('article page: every speech, the worst of them', async () => {
  const cloud = await contentCloud();
  wxStub.cloud = cloud.handler;
  const ids = (await cloud.stores.content.getInstallment('esd-01'))?.articles.map((a) => a.id) ?? [];
  const rows: Array<{ id: string; calls: number; kb: number; cloudCalls: number; cachedCalls: number }> = [];
  for (const id of ids) {
    wxMock.cloud.callFunction.mockClear();
    const opened = await freshApp().open('article', { id });
    // The font-size labels are the reader's setting, set before the page asks for anything.
    const load = opened.setDataCalls.filter((c) => !c.keys.includes('fontLabels'));
    const cloudCalls = openingCalls().length;
    wxMock.cloud.callFunction.mockClear();
    await freshApp().open('article', { id });
    rows.push({ id, calls: load.length, kb: sum(load) / 1024, cloudCalls, cachedCalls: openingCalls().length });
  }
  const worst = (key: 'calls' | 'kb' | 'cloudCalls' | 'cachedCalls') => Math.max(...rows.map((r) => r[key]));
  const largest = rows.reduce((a, b) => (b.kb > a.kb ? b : a));
  writePart('4-article', [
    fig(`article first render, setData calls (worst of ${rows.length})`, worst('calls'), 'calls', ARTICLE_CALLS),
    fig(`article first render, setData bytes (largest: ${largest.id})`, worst('kb'), 'KB', ARTICLE_KB),
    fig('article opening, cloud calls', worst('cloudCalls'), 'calls', OPENING_CLOUD_CALLS),
    fig('article opening cached, cloud calls', worst('cachedCalls'), 'calls', OPENING_CLOUD_CALLS),
  ]);
});

test('installment (home) page', async () => {
  wxStub.cloud = (await contentCloud()).handler;
  const { page, setDataCalls } = await freshApp().open('installment');
  expect(JSON.stringify(page.instance.data)).not.toContain('"blocks"');
  writePart('4-installment', [
    fig('installment first render, setData calls', setDataCalls.length, 'calls', INSTALLMENT_CALLS),
    fig('installment first render, setData bytes', sum(setDataCalls) / 1024, 'KB', INSTALLMENT_KB),
  ]);
});

test('staff 概览 (overview) page', async () => {
  await staffCloud();
  const { setDataCalls } = await freshApp().open('staff/overview');
  writePart('4-staff', [
    fig('staff overview first render, setData calls', setDataCalls.length, 'calls', null),
    fig('staff overview first render, setData bytes', sum(setDataCalls) / 1024, 'KB', null),
  ]);
});
