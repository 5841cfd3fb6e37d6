import cloud from 'wx-server-sdk';
import { cloudMain, identityFromWXContext } from '../../../backend/cloud/entry';
import { loadCatalog } from '../../../backend/content/catalog';
import { contentActions } from '../../../backend/content/handlers';
import { syncInstallments } from '../../../backend/content/sync';
import { createCloudBaseStore } from '../../../backend/storage/cloudbase';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
const store = createCloudBaseStore(cloud.database());

export const main = cloudMain({
  actions: contentActions,
  store,
  identity: () => identityFromWXContext(cloud.getWXContext()),
  readerSecret: process.env.READER_HASH_SECRET,
  warmUp: () => syncInstallments(store, loadCatalog()),
});
