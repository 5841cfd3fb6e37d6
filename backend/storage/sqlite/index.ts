import type { Database } from 'better-sqlite3';
import type { Stores } from '../../core/stores';
import type { FileStore } from '../../stats/port';
import { memoryFiles } from '../memory-files';
import { busyAsUnavailable } from './busy';
import { createContentStore } from './content';
import { openDatabase } from './database';
import { createStaffStore } from './staff';
import { createStatsStore } from './stats';
import { createTrackStore } from './track';

export { BUSY_TIMEOUT_MS, openDatabase } from './database';
export { type Migration, migrate, migrations, schemaVersion } from './migrations';

/**
 * Every port over an open, migrated database (see `openDatabase`); `close()` closes that database. A statement that
 * cannot get the lock in time throws StoreUnavailableError.
 */
export function createSqliteStores(db: Database, files: FileStore = memoryFiles()): Stores {
  return {
    content: busyAsUnavailable(createContentStore(db)),
    track: busyAsUnavailable(createTrackStore(db)),
    staff: busyAsUnavailable(createStaffStore(db)),
    stats: busyAsUnavailable(createStatsStore(db)),
    files,
    async close() {
      if (db.open) db.close();
    },
  };
}

/** The stores on a database file (created and migrated as needed), or on ':memory:'. */
export function openSqliteStores(file: string, files?: FileStore): Stores {
  return createSqliteStores(openDatabase(file), files);
}
