import type { Database } from 'wx-server-sdk';
import type { SchemaStore } from '../../admin/port';
import { COLLECTIONS } from './indexes';

/** wx-server-sdk's errCode for a collection that does not exist (DATABASE_COLLECTION_NOT_EXIST). */
const COLLECTION_NOT_EXIST = -502005;

const isMissing = (error: unknown): boolean =>
  (error as { errCode?: unknown } | null)?.errCode === COLLECTION_NOT_EXIST;

/**
 * The collections, made with `db.createCollection` where missing. Each is first probed with a one-record read of its
 * `_id` alone (a collection that exists costs that one request). A failed create is probed again rather than read by
 * its error: wx-server-sdk has no errCode of its own for the platform's DATABASE_COLLECTION_ALREADY_EXIST, and
 * another setup may have made the collection meanwhile.
 */
export function createSchemaStore(db: Database): SchemaStore {
  const exists = async (name: string): Promise<boolean> => {
    try {
      await db.collection(name).field({ _id: true }).limit(1).get();
      return true;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  };
  return {
    async ensure() {
      const created: string[] = [];
      const existing: string[] = [];
      for (const name of COLLECTIONS) {
        if (await exists(name)) {
          existing.push(name);
          continue;
        }
        try {
          await db.createCollection(name);
          created.push(name);
        } catch (error) {
          if (!(await exists(name))) throw error;
          existing.push(name);
        }
      }
      return { created, existing };
    },
  };
}
