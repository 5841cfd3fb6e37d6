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
