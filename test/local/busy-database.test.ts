import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { loadCatalog } from '../../backend/content/catalog';
import { syncInstallments } from '../../backend/content/sync';
import type { Stores } from '../../backend/core/stores';
import { openSqliteStores } from '../../backend/storage/sqlite';
import { createLocalServer, OPENID_HEADER } from '../../local/server';
import type { Envelope } from '../../typings/contract';

const ARTICLE = '825czk';
const attribution = { scene: 1007, chatType: 1, apiCategory: 'default', ch: 'bao', s: null };

let dir: string;
let file: string;
let store: Stores;
let server: Server;
let base: string;
let holder: Database | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'esd-busy-'));
  file = join(dir, 'app.db');
  store = openSqliteStores(file);
  await syncInstallments(store, loadCatalog());
  server = createLocalServer({ stores: store, log: () => undefined });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  holder?.close();
  await new Promise((resolve) => server.close(resolve));
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Another process's connection (`npm run reconcile`, a second server) taking the write lock and keeping it. */
const holdWriteLock = () => {
  holder = new BetterSqlite3(file);
  holder.exec('BEGIN IMMEDIATE');
};
const release = () => {
  holder?.exec('ROLLBACK');
  holder?.close();
  holder = null;
};

/** Calls a function and says how long the answer took. */
async function timed<T>(
  fn: string,
  action: string,
  input: unknown,
  openid = 'reader-a',
): Promise<{ body: Envelope<T>; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${base}/api/${fn}`, {
    method: 'POST',
    body: JSON.stringify({ action, input }),
    headers: { [OPENID_HEADER]: openid },
  });
  return { body: (await res.json()) as Envelope<T>, ms: Date.now() - started };
}

describe('the local server while another connection holds the database’s write lock', () => {
  afterEach(release);

  test('reads answer at once, even next to writes that are waiting', async () => {
    holdWriteLock();
    const [list, installment, write] = await Promise.all([
      timed('content', 'installment.list', {}),
      timed<{ articles: unknown[] }>('content', 'installment.get', { id: 'esd-01' }),
      timed('track', 'read', { eventId: 'busy-read-0001', articleId: ARTICLE, attribution }),
    ]);
    expect(list.body.ok).toBe(true);
    expect(installment.body.ok && installment.body.data.articles).toHaveLength(6);
    expect(list.ms).toBeLessThan(1000);
    expect(installment.ms).toBeLessThan(1000);
    expect(write.body.ok).toBe(false);
  });

  test('a write gets the retryable UNAVAILABLE within a second, and counts when sent again after the lock is gone', async () => {
    holdWriteLock();
    const input = { eventId: 'busy-read-0002', articleId: ARTICLE, attribution };
    const refused = await timed('track', 'read', input);
    expect(refused.body).toEqual({ ok: false, code: 'UNAVAILABLE', message: '服务正忙，请稍后再试' });
    expect(refused.ms).toBeLessThan(1000);
    const batch = await timed<{ results: unknown[] }>('track', 'batch', { events: [{ type: 'read', ...input }] });
    expect(batch.body).toEqual({
      ok: true,
      data: { results: [{ eventId: input.eventId, ok: false, code: 'UNAVAILABLE' }] },
    });
    expect(batch.ms).toBeLessThan(1000);

    release();
    expect((await timed('track', 'read', input)).body).toEqual({ ok: true, data: { counted: true, readCount: 1 } });
  });

  test('article.get still serves the text, and tells the app to send the read again', async () => {
    holdWriteLock();
    const read = { eventId: 'busy-read-0003', attribution };
    const { body, ms } = await timed<{ title: string; readCount: number; read: unknown }>('content', 'article.get', {
      id: ARTICLE,
      read,
    });
    expect(ms).toBeLessThan(1000);
    expect(body.ok && body.data.title).toBeTruthy();
    expect(body.ok && body.data.read).toEqual({ eventId: read.eventId, ok: false, code: 'UNAVAILABLE' });
    // No count rather than asking the locked database again.
    expect(body.ok && body.data.readCount).toBeNull();
  });

  test('twenty writes waiting for the lock do not hold up a read sent after them', async () => {
    holdWriteLock();
    const finished: string[] = [];
    type Answer = Awaited<ReturnType<typeof timed<unknown>>>;
    const note = (label: string) => (answer: Answer) => {
      finished.push(label);
      return answer;
    };
    const writes = Array.from({ length: 20 }, (_, i) =>
      timed('track', 'read', {
        eventId: `busy-many-${String(i).padStart(4, '0')}`,
        articleId: ARTICLE,
        attribution,
      }).then(note('write')),
    );
    const read = timed('content', 'installment.list', {}).then(note('read'));
    const answers = await Promise.all([...writes, read]);
    expect(answers.at(-1)?.body.ok).toBe(true);
    expect(answers.slice(0, -1).every((w) => !w.body.ok && w.body.code === 'UNAVAILABLE')).toBe(true);
    // While the writes wait on timers the read is answered: the server never stood still for them.
    expect(finished[0]).toBe('read');
  });

  test('a write that finds the lock gone while it waits is recorded, not refused', async () => {
    holdWriteLock();
    const input = { eventId: 'busy-read-0004', articleId: ARTICLE, attribution };
    const write = timed('track', 'read', input, 'reader-late');
    setTimeout(release, 30);
    expect((await write).body).toMatchObject({ ok: true, data: { counted: true } });
  });
});
