import cloud from 'wx-server-sdk';
import { adminActions } from '../../../backend/admin/handlers';
import { cloudMain, identityFromWXContext } from '../../../backend/cloud/entry';
import { CLOUD_REQUEST_TIMEOUT_MS } from '../../../backend/cloud/limits';
import { cloudFiles, createCloudBaseStores, wxacodeMaker } from '../../../backend/storage/cloudbase';
import type { WxacodeApi } from '../../../backend/storage/cloudbase/wxacode';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV, timeout: CLOUD_REQUEST_TIMEOUT_MS });
// `cloud.openapi` is typed loosely by the SDK; the permission is granted in config.json.
const stores = createCloudBaseStores(cloud.database(), {
  files: cloudFiles(cloud),
  codeMaker: wxacodeMaker(cloud as unknown as WxacodeApi),
});

export const main = cloudMain({
  name: 'admin',
  actions: adminActions,
  stores,
  identity: () => identityFromWXContext(cloud.getWXContext()),
  env: process.env,
});
