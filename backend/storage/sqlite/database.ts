import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrate } from './migrations';

/** Opens (creating if needed) a database file, or ':memory:', ready for the store: WAL, foreign keys, migrated. */
export function openDatabase(file: string): Database {
  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
