import cloud from 'wx-server-sdk';
import { cloudMain, identityFromWXContext } from '../../../backend/cloud/entry';
import { CLOUD_REQUEST_TIMEOUT_MS, longRunBudgetMs } from '../../../backend/cloud/limits';
import { withTimer } from '../../../backend/cloud/timer';
import { createCloudBaseStores } from '../../../backend/storage/cloudbase';
import { trackActions } from '../../../backend/track/handlers';
import { reconcileClosedDays } from '../../../backend/track/reconcile';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: CLOUD_REQUEST_TIMEOUT_MS });
const stores = createCloudBaseStores(cloud.database());

export const main = withTimer(
  cloudMain({
    name: 'track',
    actions: trackActions,
    stores,
    identity: () => identityFromWXContext(cloud.getWXContext()),
    env: process.env,
  }),
  {
    markers: () => ({ source: cloud.getWXContext().SOURCE, triggerSrc: process.env.TRIGGER_SRC }),
    onTimer: () => reconcileClosedDays(stores.track, new Date(), { budgetMs: longRunBudgetMs('track') }),
  },
);
