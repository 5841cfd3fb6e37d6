import cloud from 'wx-server-sdk';
import { cloudMain, identityFromWXContext } from '../../../backend/cloud/entry';
import { CLOUD_REQUEST_TIMEOUT_MS } from '../../../backend/cloud/limits';
import { statsActions } from '../../../backend/stats/handlers';
import { cloudFiles, createCloudBaseStores } from '../../../backend/storage/cloudbase';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: CLOUD_REQUEST_TIMEOUT_MS });
const stores = createCloudBaseStores(cloud.database(), { files: cloudFiles(cloud) });

export const main = cloudMain({
  name: 'stats',
  actions: statsActions,
  stores,
  identity: () => identityFromWXContext(cloud.getWXContext()),
  env: process.env,
});
