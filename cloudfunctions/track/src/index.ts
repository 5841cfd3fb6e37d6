import cloud from 'wx-server-sdk';
import { cloudMain, identityFromWXContext } from '../../../backend/cloud/entry';
import { withTimer } from '../../../backend/cloud/timer';
import { createCloudBaseStore } from '../../../backend/storage/cloudbase';
import { trackActions } from '../../../backend/track/handlers';
import { reconcileClosedDays } from '../../../backend/track/reconcile';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const store = createCloudBaseStore(cloud.database());

export const main = withTimer(
  cloudMain({
    actions: trackActions,
    store,
    identity: () => identityFromWXContext(cloud.getWXContext()),
    readerSecret: process.env.READER_HASH_SECRET,
  }),
  {
    source: () => cloud.getWXContext().SOURCE,
    onTimer: () => reconcileClosedDays(store, new Date()),
  },
);
