import cloud from 'wx-server-sdk';
import { adminActions } from '../../../backend/admin/handlers';
import { setupDatabase } from '../../../backend/admin/setup';
import { cloudMain, identityFromWXContext } from '../../../backend/cloud/entry';
import { CLOUD_REQUEST_TIMEOUT_MS } from '../../../backend/cloud/limits';
import { withTimer } from '../../../backend/cloud/timer';
import { loadCatalog } from '../../../backend/content/catalog';
import { cloudFiles, createCloudBaseStores, wxacodeMaker } from '../../../backend/storage/cloudbase';
import type { WxacodeApi } from '../../../backend/storage/cloudbase/wxacode';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: CLOUD_REQUEST_TIMEOUT_MS });
// `cloud.openapi` is typed loosely by the SDK; the permission is granted in config.json.
const stores = createCloudBaseStores(cloud.database(), {
  files: cloudFiles(cloud),
  codeMaker: wxacodeMaker(cloud as unknown as WxacodeApi),
});

/**
 * A run started by one of this function's timer triggers is the database setup (`setup.db`): `npm run deploy -- db`
 * schedules it once, since the deploy's credentials can make a trigger but not call a function. Its report goes to
 * the function's log.
 */
export const main = withTimer(
  cloudMain({
    name: 'admin',
    actions: adminActions,
    stores,
    identity: () => identityFromWXContext(cloud.getWXContext()),
    env: process.env,
  }),
  {
    markers: () => ({ source: cloud.getWXContext().SOURCE, triggerSrc: process.env.TRIGGER_SRC }),
    onTimer: async (event) => {
      const report = await setupDatabase(stores, loadCatalog());
      console.log(`setup.db (timer ${event.TriggerName.slice(0, 60)}): ${JSON.stringify(report)}`);
      return report;
    },
  },
);
