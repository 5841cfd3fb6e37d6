import cloud from 'wx-server-sdk';
import { adminActions } from '../../../backend/admin/handlers';
import { cloudMain, identityFromWXContext } from '../../../backend/cloud/entry';
import { CLOUD_REQUEST_TIMEOUT_MS } from '../../../backend/cloud/limits';
import { cloudFiles, createCloudBaseStores } from '../../../backend/storage/cloudbase';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: CLOUD_REQUEST_TIMEOUT_MS });
const stores = createCloudBaseStores(cloud.database(), cloudFiles(cloud));

export const main = cloudMain({
  name: 'admin',
  actions: adminActions,
  stores,
  identity: () => identityFromWXContext(cloud.getWXContext()),
  env: process.env,
});
