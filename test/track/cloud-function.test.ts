import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTICLE_STATS } from '../../backend/storage/cloudbase';
import type { ArticleView, Envelope, EventResult } from '../../typings/contract';
import { FakeCloudDb } from '../support/fake-cloud-db';
import { A, readInput } from './support';

const mockDb = new FakeCloudDb();
const mockContext: { OPENID?: string; SOURCE?: string } = { OPENID: 'o-cloud-reader', SOURCE: 'wx_client' };
jest.mock('wx-server-sdk', () => require('../support/wx-server-sdk-mock').wxServerSdkMock(mockDb, () => mockContext), {
  virtual: true,
});

type Main = (event: unknown) => Promise<unknown>;
const load = (fn: 'track' | 'content'): Main =>
  (require(`../../cloudfunctions/${fn}/src/index`) as { main: Main }).main;

const dir = join(__dirname, '../../cloudfunctions/track');
const opening = () => {
  const { articleId: _a, ...read } = readInput(A);
  return read;
};

describe('the track cloud function', () => {
  let track: Main;
  let content: Main;
  beforeAll(async () => {
    process.env.READER_HASH_SECRET = 'a-test-secret-of-enough-length';
    track = load('track');
    content = load('content');
    // The content function's first call puts the curated installment in the database: what track counts.
    await content({ action: 'installment.list' });
  });
  afterAll(() => {
    delete process.env.READER_HASH_SECRET;
  });

  test('counts a read by the caller WeChat names, storing a keyed hash and never the openid', async () => {
    const res = (await track({ action: 'read', input: readInput(A) })) as Envelope<unknown>;
    expect(res).toEqual({ ok: true, data: { counted: true, readCount: 1 } });
    expect(JSON.stringify(mockDb.peek(ARTICLE_STATS))).not.toContain('o-cloud-reader');
  });

  test('article.get in the content function counts the same reader as the same reader', async () => {
    await content({ action: 'installment.list' });
    const res = (await content({ action: 'article.get', input: { id: A, read: opening() } })) as Envelope<
      ArticleView & { read: EventResult }
    >;
    expect(res.ok && res.data.read).toMatchObject({ ok: true, counted: false });
    expect(res.ok && res.data.readCount).toBe(1);
  });

  test('takes an anonId only when getWXContext().SOURCE says the WeChat client made the call', async () => {
    delete mockContext.OPENID;
    const input = { ...readInput(A), anonId: 'install-cloud-01' };
    mockContext.SOURCE = 'wx_http';
    expect(await track({ action: 'read', input })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    mockContext.SOURCE = 'wx_client';
    // Counted apart from the read count.
    expect(await track({ action: 'read', input })).toEqual({ ok: true, data: { counted: false, readCount: 1 } });
    mockContext.OPENID = 'o-cloud-reader';
  });

  test('a timer trigger runs the reconcile of closed days; the same event from a client does not', async () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // An article total that lost an increment.
    await mockDb
      .collection(ARTICLE_STATS)
      .doc(A)
      .update({ data: { pv: mockDb.command.inc(-1) } });
    const timer = { Type: 'Timer', TriggerName: 'reconcileDaily', Time: '2026-11-28T19:17:00Z' };

    mockContext.SOURCE = 'wx_client';
    expect(await track(timer)).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
    expect(error).toHaveBeenCalledWith(expect.stringMatching(/not run as the timer: SOURCE=wx_client/));

    mockContext.SOURCE = 'wx_trigger';
    delete mockContext.OPENID;
    const report = (await track(timer)) as { drift: Array<{ counter: string; day: string | null }> };
    expect(report.drift).toEqual([expect.objectContaining({ counter: 'pv', day: null, counted: 0, ledger: 1 })]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/counters corrected/));
    expect(mockDb.peek(ARTICLE_STATS).find((d) => d._id === A)).toMatchObject({ pv: 1 });
    log.mockRestore();
    error.mockRestore();
    mockContext.SOURCE = 'wx_client';
    mockContext.OPENID = 'o-cloud-reader';
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
    let track: Main = async () => undefined;
    let content: Main = async () => undefined;
    jest.isolateModules(() => {
      track = load('track');
      content = load('content');
    });
    expect(await track({ action: 'read', input: readInput(A) })).toMatchObject({ ok: false, code: 'INTERNAL' });
    const res = (await content({ action: 'article.get', input: { id: A, read: opening() } })) as Envelope<
      ArticleView & { read: EventResult }
    >;
    expect(res.ok && res.data.title).toBeTruthy();
    expect(res.ok && res.data.read).toMatchObject({ ok: false, code: 'INTERNAL' });
    expect(error).toHaveBeenCalled();
    error.mockRestore();
  });
});
