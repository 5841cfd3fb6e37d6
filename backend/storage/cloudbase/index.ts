import type { Database } from 'wx-server-sdk';
import type { Stores } from '../../core/stores';
import { createContentStore } from './content';
import { createStaffStore } from './staff';
import { createTrackStore } from './track';

export { ARTICLE_STATS, ARTICLES, INSTALLMENTS, STAFF } from './documents';

/** Every port over `cloud.database()`. */
export function createCloudBaseStores(db: Database): Stores {
  return {
    content: createContentStore(db),
    track: createTrackStore(db),
    staff: createStaffStore(db),
    async close() {
      // Nothing to release: the SDK holds no connection of ours.
    },
  };
}
