import cloud from 'wx-server-sdk';
import { cloudMain, identityFromWXContext } from '../../../backend/cloud/entry';
import { CLOUD_REQUEST_TIMEOUT_MS } from '../../../backend/cloud/limits';
import { loadCatalog } from '../../../backend/content/catalog';
import { contentActions } from '../../../backend/content/handlers';
import { syncInstallments } from '../../../backend/content/sync';
import { createCloudBaseStores } from '../../../backend/storage/cloudbase';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: CLOUD_REQUEST_TIMEOUT_MS });
const stores = createCloudBaseStores(cloud.database());

export const main = cloudMain({
  name: 'content',
  actions: contentActions,
  stores,
  identity: () => identityFromWXContext(cloud.getWXContext()),
  env: process.env,
  warmUp: () => syncInstallments(stores, loadCatalog()),
});
