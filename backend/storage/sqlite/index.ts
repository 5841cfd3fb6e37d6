import type { Database } from 'better-sqlite3';
import type { Stores } from '../../core/stores';
import { createContentStore } from './content';
import { openDatabase } from './database';
import { createStaffStore } from './staff';
import { createTrackStore } from './track';

export { openDatabase } from './database';
export { type Migration, migrate, migrations, schemaVersion } from './migrations';

/** Every port over an open, migrated database (see `openDatabase`); `close()` closes that database. */
export function createSqliteStores(db: Database): Stores {
  return {
    content: createContentStore(db),
    track: createTrackStore(db),
    staff: createStaffStore(db),
    async close() {
      if (db.open) db.close();
    },
  };
}

/** The stores on a database file (created and migrated as needed), or on ':memory:'. */
export function openSqliteStores(file: string): Stores {
  return createSqliteStores(openDatabase(file));
}
