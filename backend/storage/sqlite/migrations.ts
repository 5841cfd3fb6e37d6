import type { Database } from 'better-sqlite3';

/** One schema step. Steps run in list order; `PRAGMA user_version` records how many have run. */
export interface Migration {
  name: string;
  up(db: Database): void;
}

/** Append only: never edit or reorder a step that may have run somewhere. */
export const migrations: readonly Migration[] = [
  {
    name: 'installments, articles, article_stats',
    up(db) {
      db.exec(`
        CREATE TABLE installments (
          id TEXT PRIMARY KEY,
          number INTEGER NOT NULL,
          revision TEXT NOT NULL,
          -- set by staff; kept apart from json so a content sync never overwrites it
          published_at TEXT,
          json TEXT NOT NULL
        );
        CREATE TABLE articles (
          id TEXT PRIMARY KEY,
          installment_id TEXT NOT NULL REFERENCES installments (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          json TEXT NOT NULL
        );
        CREATE INDEX articles_by_installment ON articles (installment_id, position);
        -- no foreign key: counts outlive an article that a content change drops for a while
        CREATE TABLE article_stats (
          article_id TEXT PRIMARY KEY,
          pv INTEGER NOT NULL DEFAULT 0,
          uv INTEGER NOT NULL DEFAULT 0
        );
      `);
    },
  },
  {
    name: 'reading analytics: ledger, reader state, shares, daily counters',
    up(db) {
      db.exec(`
        ALTER TABLE article_stats ADD COLUMN anon_uv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_stats ADD COLUMN shares INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_stats ADD COLUMN share_reads INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_stats ADD COLUMN completions INTEGER NOT NULL DEFAULT 0;
        -- day × article × channel, so that stats never scan the ledger
        CREATE TABLE article_daily (
          day TEXT NOT NULL,
          article_id TEXT NOT NULL,
          channel TEXT NOT NULL,
          pv INTEGER NOT NULL DEFAULT 0,
          uv INTEGER NOT NULL DEFAULT 0,
          new_uv INTEGER NOT NULL DEFAULT 0,
          new_anon_uv INTEGER NOT NULL DEFAULT 0,
          shares INTEGER NOT NULL DEFAULT 0,
          share_reads INTEGER NOT NULL DEFAULT 0,
          completions INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (day, article_id, channel)
        ) WITHOUT ROWID;
        -- reader is a keyed hash, never an openid
        CREATE TABLE track_readers (
          reader TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('openid', 'anon')),
          rate_minute INTEGER NOT NULL,
          rate_count INTEGER NOT NULL,
          ledger_size INTEGER NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE track_reader_articles (
          reader TEXT NOT NULL REFERENCES track_readers (reader),
          article_id TEXT NOT NULL,
          last_open_at INTEGER NOT NULL,
          session TEXT NOT NULL,
          session_channel TEXT NOT NULL,
          uv_day TEXT NOT NULL,
          completed TEXT,
          PRIMARY KEY (reader, article_id)
        ) WITHOUT ROWID;
        -- the ledger: the source of truth the counters are recomputed from
        CREATE TABLE track_ledger (
          reader TEXT NOT NULL REFERENCES track_readers (reader),
          event_id TEXT NOT NULL,
          day TEXT NOT NULL,
          json TEXT NOT NULL,
          PRIMARY KEY (reader, event_id)
        ) WITHOUT ROWID;
        CREATE INDEX track_ledger_by_day ON track_ledger (day);
        CREATE TABLE track_shares (
          share_id TEXT PRIMARY KEY,
          article_id TEXT NOT NULL,
          reader TEXT NOT NULL,
          event_id TEXT NOT NULL,
          at INTEGER NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    name: 'anonymous and unknown-share counters, daily ledger cap, shares counted per day',
    up(db) {
      db.exec(`
        ALTER TABLE article_stats ADD COLUMN anon_pv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_stats ADD COLUMN unknown_share_reads INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_daily ADD COLUMN anon_pv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_daily ADD COLUMN anon_uv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_daily ADD COLUMN unknown_share_reads INTEGER NOT NULL DEFAULT 0;
        -- the daily ledger cap: entries recorded on today_day
        ALTER TABLE track_readers ADD COLUMN today_day TEXT NOT NULL DEFAULT '';
        ALTER TABLE track_readers ADD COLUMN today_count INTEGER NOT NULL DEFAULT 0;
        -- shares counted on shared_day, as a JSON array of '<article>|<target>'
        ALTER TABLE track_readers ADD COLUMN shared_day TEXT NOT NULL DEFAULT '';
        ALTER TABLE track_readers ADD COLUMN shared_keys TEXT NOT NULL DEFAULT '[]';
      `);
    },
  },
  {
    name: 'countable speeches with their reading times; staff',
    up(db) {
      db.exec(`
        -- what track may count: published speeches, as the content module registers them
        ALTER TABLE article_stats ADD COLUMN reading_minutes INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE article_stats ADD COLUMN countable INTEGER NOT NULL DEFAULT 0;
        INSERT INTO article_stats (article_id) SELECT id FROM articles WHERE true
          ON CONFLICT (article_id) DO NOTHING;
        UPDATE article_stats SET
          countable = 1,
          reading_minutes = (SELECT json_extract(a.json, '$.readingMinutes') FROM articles a WHERE a.id = article_id)
        WHERE article_id IN (SELECT id FROM articles);
        -- staff is keyed by the keyed hash of the openid, like readers
        CREATE TABLE staff (
          key TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('admin', 'staff')),
          added_by TEXT,
          added_at INTEGER NOT NULL
        ) WITHOUT ROWID;
      `);
    },
  },
  {
    name: 'site-wide readers, reshares',
    up(db) {
      db.exec(`
        -- new counters: a column each in article_daily, and in article_stats for those with a total (model.ts)
        ALTER TABLE article_daily ADD COLUMN site_uv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_daily ADD COLUMN site_new_uv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_daily ADD COLUMN reshares INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_stats ADD COLUMN site_new_uv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_stats ADD COLUMN reshares INTEGER NOT NULL DEFAULT 0;
        -- what the rules behind them remember of a reader
        ALTER TABLE track_readers ADD COLUMN read_day TEXT NOT NULL DEFAULT '';
        ALTER TABLE track_reader_articles ADD COLUMN via_share INTEGER NOT NULL DEFAULT 0;
      `);
    },
  },
  {
    name: 'installments online or offline',
    up(db) {
      db.exec(`
        -- staff take an installment offline; its records and counts stay
        ALTER TABLE installments ADD COLUMN online INTEGER NOT NULL DEFAULT 1;
      `);
    },
  },
  {
    name: 'staff-made channels, mini-program codes',
    up(db) {
      db.exec(`
        CREATE TABLE channels (
          code TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          type TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          created_by TEXT,
          retired INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        -- one image per scene, made once
        CREATE TABLE codes (
          scene TEXT PRIMARY KEY,
          file_id TEXT NOT NULL,
          stand_in INTEGER NOT NULL,
          created_at INTEGER NOT NULL,
          created_by TEXT,
          day TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX codes_by_maker ON codes (created_by, day);
      `);
    },
  },
  {
    name: 'site-wide anonymous readers',
    up(db) {
      db.exec(`
        ALTER TABLE article_daily ADD COLUMN site_anon_uv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_daily ADD COLUMN site_new_anon_uv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_stats ADD COLUMN site_new_anon_uv INTEGER NOT NULL DEFAULT 0;
      `);
    },
  },
  {
    name: 'claims on the daily poster codes',
    up(db) {
      db.exec(`
        -- taken before a code is made, so that parallel requests cannot pass the daily limit together
        CREATE TABLE code_claims (
          created_by TEXT NOT NULL,
          day TEXT NOT NULL,
          n INTEGER NOT NULL,
          PRIMARY KEY (created_by, day, n)
        ) WITHOUT ROWID;
        INSERT INTO code_claims (created_by, day, n)
          SELECT created_by, day, ROW_NUMBER() OVER (PARTITION BY created_by, day ORDER BY scene) - 1
          FROM codes WHERE created_by IS NOT NULL;
      `);
    },
  },
  {
    name: 'staff reads counted apart',
    up(db) {
      db.exec(`
        ALTER TABLE article_daily ADD COLUMN staff_pv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_daily ADD COLUMN staff_uv INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE article_stats ADD COLUMN staff_pv INTEGER NOT NULL DEFAULT 0;
        -- the mark the staff actions set on the reader (TrackStore.markStaff), and their per-speech state as staff
        ALTER TABLE track_readers ADD COLUMN staff INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE track_reader_staff_articles (
          reader TEXT NOT NULL REFERENCES track_readers (reader),
          article_id TEXT NOT NULL,
          last_open_at INTEGER NOT NULL,
          session TEXT NOT NULL,
          session_channel TEXT NOT NULL,
          uv_day TEXT NOT NULL,
          completed TEXT,
          via_share INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (reader, article_id)
        ) WITHOUT ROWID;
        -- the staff there are already
        INSERT INTO track_readers (reader, kind, rate_minute, rate_count, ledger_size, staff)
          SELECT key, 'openid', 0, 0, 0, 1 FROM staff WHERE true
          ON CONFLICT (reader) DO UPDATE SET staff = 1;
      `);
    },
  },
];

export const schemaVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/** Runs the steps this database has not seen, each in its own transaction with its version bump. */
export function migrate(db: Database, steps: readonly Migration[] = migrations): void {
  const current = schemaVersion(db);
  if (current > steps.length) {
    throw new Error(`database schema version ${current} is newer than this code knows (${steps.length})`);
  }
  steps.slice(current).forEach((step, i) => {
    const version = current + i + 1;
    db.transaction(() => {
      step.up(db);
      db.pragma(`user_version = ${version}`);
    })();
  });
}
