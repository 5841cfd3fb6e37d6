import type { Database } from 'wx-server-sdk';
import type { Stores } from '../../core/stores';
import type { FileStore } from '../../stats/port';
import { memoryFiles } from '../memory-files';
import { createContentStore } from './content';
import { createStaffStore } from './staff';
import { createStatsStore } from './stats';
import { createTrackStore } from './track';

export { ARTICLE_STATS, ARTICLES, INSTALLMENTS, STAFF } from './documents';
export { cloudFiles } from './files';

/** Every port over `cloud.database()`; exports go to `files` (cloud storage in a function: see files.ts). */
export function createCloudBaseStores(db: Database, files: FileStore = memoryFiles()): Stores {
  return {
    content: createContentStore(db),
    track: createTrackStore(db),
    staff: createStaffStore(db),
    stats: createStatsStore(db),
    files,
    async close() {
      // Nothing to release: the SDK holds no connection of ours.
    },
  };
}
