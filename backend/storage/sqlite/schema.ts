import type { Database } from 'better-sqlite3';
import type { SchemaStore } from '../../admin/port';

/** SQLite's tables are made by the migrations `openDatabase` runs: there is never one to make here. */
export function createSchemaStore(db: Database): SchemaStore {
  const tables = db.prepare<[], { name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  return {
    async ensure() {
      return { created: [], existing: tables.all().map((t) => t.name) };
    },
  };
}
