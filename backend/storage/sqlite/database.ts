import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations';

/**
 * A statement never waits for another connection's lock: better-sqlite3 waits synchronously, so the whole server
 * (every request) stalls while it waits — its default of 5 s froze every endpoint while `npm run reconcile` or a
 * second server held the write lock. SQLITE_BUSY comes back at once and the stores try again on timers instead
 * (busy.ts). WAL readers never wait on a writer, so in practice only writes get there.
 */
const BUSY_TIMEOUT_MS = 0;

/**
 * Opens (creating if needed) a database file, or ':memory:', ready for the store: WAL, synchronous NORMAL (what a
 * power cut can lose: see ARCHITECTURE.md), foreign keys, no busy wait, migrated.
 */
export function openDatabase(file: string): Database {
  const db = new BetterSqlite3(file, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma('journal_mode = WAL');
    // better-sqlite3's build already defaults WAL databases to NORMAL; set here so it does not depend on the build.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
