import type { Store } from '../port';
import { openDatabase } from './database';
import { createSqliteStore } from './store';

export { BUSY_TIMEOUT_MS, openDatabase } from './database';
export { type Migration, migrate, migrations, schemaVersion } from './migrations';
export { createSqliteStore } from './store';

/** A store on a database file (created and migrated as needed), or on ':memory:'. */
export function openSqliteStore(file: string): Store {
  return createSqliteStore(openDatabase(file));
}
