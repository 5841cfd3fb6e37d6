import type { Database } from 'wx-server-sdk';
import type { CodeMaker } from '../../admin/port';
import type { Stores } from '../../core/stores';
import type { FileStore } from '../../stats/port';
import { memoryFiles } from '../memory-files';
import { createChannelStore } from './channels';
import { createCodeStore } from './codes';
import { createContentStore } from './content';
import { createSchemaStore } from './schema';
import { createStaffStore } from './staff';
import { createStatsStore } from './stats';
import { createTrackStore } from './track';
import { noCodes } from './wxacode';

export { ARTICLE_STATS, ARTICLES, INSTALLMENTS, STAFF } from './documents';
export { cloudFiles } from './files';
export { wxacodeMaker } from './wxacode';

export interface CloudBaseOptions {
  /** Cloud storage in a function (cloudFiles(cloud)); in memory unless said. */
  files?: FileStore;
  /** WeChat's code API in a function (wxacodeMaker(cloud)); none unless said. */
  codeMaker?: CodeMaker;
}

/** Every port over `cloud.database()`. */
export function createCloudBaseStores(db: Database, options: CloudBaseOptions = {}): Stores {
  return {
    content: createContentStore(db),
    track: createTrackStore(db),
    staff: createStaffStore(db),
    stats: createStatsStore(db),
    channels: createChannelStore(db),
    codes: createCodeStore(db),
    schema: createSchemaStore(db),
    files: options.files ?? memoryFiles(),
    codeMaker: options.codeMaker ?? noCodes,
    async close() {
      // Nothing to release: the SDK holds no connection of ours.
    },
  };
}
