import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { StoreUnavailableError } from '../../backend/core/stores';
import {
  BUSY_WAIT_MS,
  createSqliteStores,
  type Migration,
  migrate,
  migrations,
  openDatabase,
  openSqliteStores,
  schemaVersion,
} from '../../backend/storage/sqlite';
import { storeContract } from './contract';
import { installmentWith } from './records';
import { staffStoreContract } from './staff-contract';
import { statsStoreContract } from './stats-contract';
import { trackStoreContract } from './track-contract';

const setPvIn = (db: Database) => async (articleId: string, pv: number) => {
  db.prepare(
    'INSERT INTO article_stats (article_id, pv) VALUES (?, ?) ON CONFLICT (article_id) DO UPDATE SET pv = excluded.pv',
  ).run(articleId, pv);
};

describe('SQLite store', () => {
  storeContract(async () => {
    const db = openDatabase(':memory:');
    return { stores: createSqliteStores(db), setPv: setPvIn(db) };
  });
});

describe('SQLite store: reading analytics', () => {
  trackStoreContract(async () => createSqliteStores(openDatabase(':memory:')));
});

describe('SQLite store: statistics', () => {
  statsStoreContract(async () => createSqliteStores(openDatabase(':memory:')));
});

describe('SQLite store: staff', () => {
  staffStoreContract(async () => createSqliteStores(openDatabase(':memory:')));
});

describe('SQLite database file', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'store-sqlite-'));
    file = join(dir, 'reader.db');
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is opened in WAL mode, synchronous NORMAL, with foreign keys on and no synchronous busy wait', () => {
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(0);
    } finally {
      db.close();
    }
  });

  it('keeps its data across a close and re-open, without re-running migrations', async () => {
    const saved = installmentWith('i1', 1, 2);
    const first = openSqliteStores(file);
    await first.content.saveInstallment(saved.installment, saved.articles);
    await first.close();

    const db = openDatabase(file);
    const second = createSqliteStores(db);
    try {
      expect(schemaVersion(db)).toBe(migrations.length);
      expect(await second.content.getInstallment('i1')).toEqual(saved.installment);
      expect(await second.content.listArticles()).toEqual(saved.articles);
    } finally {
      await second.close();
    }
  });

  it('keeps a publishedAt that staff wrote into the table when content is synced again', async () => {
    const db = openDatabase(file);
    const stores = createSqliteStores(db);
    const store = stores.content;
    try {
      const first = installmentWith('i1', 1, 1, 'r1');
      await store.saveInstallment(first.installment, first.articles);
      db.prepare("UPDATE installments SET published_at = '2022-10-30' WHERE id = 'i1'").run();

      const next = installmentWith('i1', 1, 1, 'r2');
      await store.saveInstallment(next.installment, next.articles);

      expect(await store.getInstallment('i1')).toEqual({ ...next.installment, publishedAt: '2022-10-30' });
    } finally {
      await stores.close();
    }
  });

  it('while another connection holds the write lock, reads answer at once and writes fail fast as unavailable', async () => {
    const request = {
      reader: { key: 'k', kind: 'openid' as const },
      day: '20261127',
      channelCodes: [],
      eventIds: [],
      articleIds: [],
      shareIds: [],
    };
    const stores = openSqliteStores(file);
    const store = stores.content;
    const track = stores.track;
    const saved = installmentWith('i1', 1, 2);
    await store.saveInstallment(saved.installment, saved.articles);
    const holder = new BetterSqlite3(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      let started = Date.now();
      expect(await store.getInstallment('i1')).toEqual(saved.installment);
      expect(await store.listArticles()).toEqual(saved.articles);
      expect(await track.readCounts(['i1-01'])).toEqual(new Map([['i1-01', 0]]));
      expect((await track.reconcileSnapshot({ from: null, to: '99991231' })).entries).toEqual([]);
      expect(Date.now() - started).toBeLessThan(BUSY_WAIT_MS);

      started = Date.now();
      await expect(store.saveInstallment(saved.installment, saved.articles)).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      await expect(track.applyEvents(request, () => ({ result: 1, commit: null }))).rejects.toBeInstanceOf(
        StoreUnavailableError,
      );
      const fix = { articleId: 'i1-01', cell: null, totals: { pv: 1 } };
      await expect(track.adjustCounters([fix])).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(1000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    try {
      expect(await track.applyEvents(request, () => ({ result: 1, commit: null }))).toBe(1);
    } finally {
      await stores.close();
    }
  });

  it('saves all or nothing: a failing article leaves the previous version in place', async () => {
    const stores = openSqliteStores(file);
    const store = stores.content;
    try {
      const before = installmentWith('i1', 1, 2, 'r1');
      await store.saveInstallment(before.installment, before.articles);
      const broken = installmentWith('i1', 1, 2, 'r2');
      // An article of an installment that was never saved breaks the foreign key.
      const [stray] = installmentWith('zz', 9, 1).articles;
      if (stray === undefined) throw new Error('no article built');

      // Matched by message: better-sqlite3 builds its errors in the realm of the first test file that loaded
      // the native addon, so `toThrow` (an instanceof check) fails when another file ran first in this worker.
      await expect(store.saveInstallment(broken.installment, [...broken.articles, stray])).rejects.toMatchObject({
        message: expect.stringMatching(/FOREIGN KEY/),
      });

      expect(await store.installmentRevisions()).toEqual(new Map([['i1', 'r1']]));
      expect(await store.listArticles()).toEqual(before.articles);
    } finally {
      await stores.close();
    }
  });
});

describe('migrate', () => {
  let db: Database;

  beforeEach(() => {
    db = new BetterSqlite3(':memory:');
  });

  afterEach(() => {
    db.close();
  });

  const step = (name: string, run: jest.Mock = jest.fn()): Migration => ({
    name,
    up(target) {
      run();
      target.exec(`CREATE TABLE ${name} (id INTEGER)`);
    },
  });

  it('runs each step once, and only the steps appended since the last run', () => {
    const one = jest.fn();
    const two = jest.fn();

    migrate(db, [step('one', one)]);
    migrate(db, [step('one', one)]);
    expect(one).toHaveBeenCalledTimes(1);
    expect(schemaVersion(db)).toBe(1);

    migrate(db, [step('one', one), step('two', two)]);
    expect(one).toHaveBeenCalledTimes(1);
    expect(two).toHaveBeenCalledTimes(1);
    expect(schemaVersion(db)).toBe(2);
  });

  it('rolls a failing step back and leaves the version where it was', () => {
    const failing: Migration = {
      name: 'failing',
      up(target) {
        target.exec('CREATE TABLE half (id INTEGER)');
        throw new Error('boom');
      },
    };

    expect(() => migrate(db, [step('one'), failing])).toThrow('boom');

    expect(schemaVersion(db)).toBe(1);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('marks the staff a database already has on their reader rows, made for those who never read', async () => {
    migrate(db, migrations.slice(0, -1));
    db.exec(`
      INSERT INTO staff (key, name, role, added_at) VALUES ('key-staff-read', '编辑', 'staff', 0), ('key-staff-new', '主任', 'admin', 0);
      INSERT INTO track_readers (reader, kind, rate_minute, rate_count, ledger_size, read_day)
        VALUES ('key-staff-read', 'openid', 5, 1, 1, '20261127'), ('key-reader', 'openid', 5, 1, 1, '20261127');
    `);
    migrate(db);
    const { track } = createSqliteStores(db);
    const seen = async (key: string) =>
      track.applyEvents(
        {
          reader: { key, kind: 'openid' },
          day: '20261128',
          eventIds: [],
          articleIds: [],
          shareIds: [],
          channelCodes: [],
        },
        (snapshot) => ({ result: { staff: snapshot.staff, ledgerSize: snapshot.state?.ledgerSize }, commit: null }),
      );
    expect(await seen('key-staff-read')).toEqual({ staff: true, ledgerSize: 1 });
    expect(await seen('key-staff-new')).toEqual({ staff: true, ledgerSize: 0 });
    expect(await seen('key-reader')).toEqual({ staff: false, ledgerSize: 1 });
  });

  it('refuses a database made by newer code', () => {
    migrate(db, [step('one'), step('two')]);

    expect(() => migrate(db, [step('one')])).toThrow(/newer/);
  });
});
