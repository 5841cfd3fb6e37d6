import type { Database } from 'better-sqlite3';
import type { CodeMaker } from '../../admin/port';
import type { Stores } from '../../core/stores';
import type { FileStore } from '../../stats/port';
import { memoryFiles } from '../memory-files';
import { standInCodes } from '../qr-stand-in';
import { busyAsUnavailable } from './busy';
import { createChannelStore } from './channels';
import { createCodeStore } from './codes';
import { createContentStore } from './content';
import { openDatabase } from './database';
import { createSchemaStore } from './schema';
import { createStaffStore } from './staff';
import { createStatsStore } from './stats';
import { createTrackStore } from './track';

export { BUSY_WAIT_MS } from './busy';
export { openDatabase } from './database';
export { type Migration, migrate, migrations, schemaVersion } from './migrations';

/**
 * Every port over an open, migrated database (see `openDatabase`); `close()` closes that database. A statement that
 * cannot get the lock in time throws StoreUnavailableError.
 */
export interface SqliteOptions {
  /** Where exports and codes are kept: in memory unless said (npm start keeps them under its data folder). */
  files?: FileStore;
  /** Locally there is no WeChat: stand-in QR codes unless said. */
  codeMaker?: CodeMaker;
}

export function createSqliteStores(db: Database, options: SqliteOptions = {}): Stores {
  return {
    content: busyAsUnavailable(createContentStore(db)),
    track: busyAsUnavailable(createTrackStore(db)),
    staff: busyAsUnavailable(createStaffStore(db)),
    stats: busyAsUnavailable(createStatsStore(db)),
    channels: busyAsUnavailable(createChannelStore(db)),
    codes: busyAsUnavailable(createCodeStore(db)),
    schema: busyAsUnavailable(createSchemaStore(db)),
    files: options.files ?? memoryFiles(),
    codeMaker: options.codeMaker ?? standInCodes,
    async close() {
      if (db.open) db.close();
    },
  };
}

/** The stores on a database file (created and migrated as needed), or on ':memory:'. */
export function openSqliteStores(file: string, options: SqliteOptions = {}): Stores {
  return createSqliteStores(openDatabase(file), options);
}
