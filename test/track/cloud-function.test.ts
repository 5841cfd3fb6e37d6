import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_STATS } from '../../backend/storage/cloudbase';
import type { ArticleView, Envelope, EventResult } from '../../typings/contract';
import { applyEnv, type CloudBaseEndpoint, setWXContext, type WXContextValues } from '../support/cloudbase-endpoint';
import { freshEndpoint } from '../support/file-endpoint';
import { A, readInput } from './support';

/**
 * The unmodified entries `cloudfunctions/<fn>/src/index.ts` as deployed: each loads wx-server-sdk's default instance,
 * `cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })`, which the endpoint's functionEnv() points at the local endpoint;
 * `getWXContext()` answers what setWXContext sets.
 */

type Main = (event: unknown) => Promise<unknown>;

/** Both entries in a registry of their own (a fresh default SDK instance), under `env` and the endpoint's. */
function loadEntries(endpoint: CloudBaseEndpoint, env: Record<string, string | undefined>) {
  const restore = applyEnv({ ...endpoint.functionEnv(), ...env });
  let entries: { track: Main; content: Main } | undefined;
  jest.isolateModules(() => {
    const load = (fn: 'track' | 'content'): Main =>
      (require(`../../cloudfunctions/${fn}/src/index`) as { main: Main }).main;
    entries = { track: load('track'), content: load('content') };
  });
  if (entries === undefined) throw new Error('the entries did not load');
  return { ...entries, restore };
}

/** Runs `body` while getWXContext() returns `values`. */
async function as<T>(values: WXContextValues, body: () => Promise<T>): Promise<T> {
  const restore = setWXContext(values);
  try {
    return await body();
  } finally {
    restore();
  }
}

const READER = { OPENID: 'o-cloud-reader', SOURCE: 'wx_client' } as const;

const dir = join(__dirname, '../../cloudfunctions/track');
const opening = () => {
  const { articleId: _a, ...read } = readInput(A);
  return read;
};

describe('the track cloud function', () => {
  let endpoint: CloudBaseEndpoint;
  let track: Main;
  let content: Main;
  let restore: () => void;
  beforeAll(async () => {
    endpoint = await freshEndpoint();
    ({ track, content, restore } = loadEntries(endpoint, { READER_HASH_SECRET: 'a-test-secret-of-enough-length' }));
    // The content function's first call puts the curated installment in the database: what track counts.
    await as(READER, () => content({ action: 'installment.list' }));
  });
  afterAll(() => restore());

  test('counts a read by the caller WeChat names, storing a keyed hash and never the openid', async () => {
    const res = (await as(READER, () => track({ action: 'read', input: readInput(A) }))) as Envelope<unknown>;
    expect(res).toEqual({ ok: true, data: { counted: true, readCount: 1 } });
    expect(JSON.stringify(endpoint.peek(ARTICLE_STATS))).not.toContain('o-cloud-reader');
  });

  test('article.get in the content function counts the same reader as the same reader', async () => {
    await as(READER, () => content({ action: 'installment.list' }));
    const res = (await as(READER, () =>
      content({ action: 'article.get', input: { id: A, read: opening() } }),
    )) as Envelope<ArticleView & { read: EventResult }>;
    expect(res.ok && res.data.read).toMatchObject({ ok: true, counted: false });
    expect(res.ok && res.data.readCount).toBe(1);
  });

  test('takes an anonId only when getWXContext().SOURCE says the WeChat client made the call', async () => {
    const input = { ...readInput(A), anonId: 'install-cloud-01' };
    expect(await as({ SOURCE: 'wx_http' }, () => track({ action: 'read', input }))).toMatchObject({
      ok: false,
      code: 'BAD_REQUEST',
    });
    // Counted apart from the read count.
    expect(await as({ SOURCE: 'wx_client' }, () => track({ action: 'read', input }))).toEqual({
      ok: true,
      data: { counted: false, readCount: 1 },
    });
  });

  test('a timer trigger runs the reconcile of closed days; the same event from a client does not', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // An article total that lost an increment.
    const db = endpoint.database();
    await db
      .collection(ARTICLE_STATS)
      .doc(A)
      .update({ data: { pv: db.command.inc(-1) } });
    const timer = { Type: 'Timer', TriggerName: 'reconcileDaily', Time: '2026-11-28T19:17:00Z' };

    expect(await as(READER, () => track(timer))).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/not run as the timer: SOURCE=wx_client/));

    const report = (await as({ SOURCE: 'wx_trigger' }, () => track(timer))) as {
      drift: Array<{ counter: string; day: string | null }>;
    };
    expect(report.drift).toEqual([expect.objectContaining({ counter: 'pv', day: null, counted: 0, ledger: 1 })]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/counters corrected/));
    expect(endpoint.peek(ARTICLE_STATS).find((d) => d._id === A)).toMatchObject({ pv: 1 });
    log.mockRestore();
    error.mockRestore();
  });

  test('config.json has one daily timer trigger (7-field cron) and package.json declares wx-server-sdk', () => {
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
    expect(config.triggers).toEqual([{ name: 'reconcileDaily', type: 'timer', config: expect.any(String) }]);
    expect(config.triggers[0].config.split(' ')).toHaveLength(7);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(pkg.dependencies['wx-server-sdk']).toBe('4.0.2');
  });
});

describe('without READER_HASH_SECRET', () => {
  test('reads are refused as INTERNAL (and kept by the app for later), while article.get still serves', async () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const { track, content, restore } = loadEntries(await freshEndpoint(), { READER_HASH_SECRET: undefined });
    try {
      expect(await as(READER, () => track({ action: 'read', input: readInput(A) }))).toMatchObject({
        ok: false,
        code: 'INTERNAL',
      });
      const res = (await as(READER, () =>
        content({ action: 'article.get', input: { id: A, read: opening() } }),
      )) as Envelope<ArticleView & { read: EventResult }>;
      expect(res.ok && res.data.title).toBeTruthy();
      expect(res.ok && res.data.read).toMatchObject({ ok: false, code: 'INTERNAL' });
      expect(error).toHaveBeenCalled();
    } finally {
      restore();
      error.mockRestore();
    }
  });
});
