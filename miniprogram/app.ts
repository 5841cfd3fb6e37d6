import { CLOUD_ENV } from './config';
import { enterInfo } from './services/entry';
import { forgetSystemFacts } from './services/system';
import { contentCache } from './stores/content-cache';
import { entry, identity, queue, settings } from './stores/index';

App({
  onLaunch() {
    contentCache.purgeOtherVersions();
    // Absent in tourist mode and on very old base libraries; the cloud client then reports a friendly failure.
    if (!wx.cloud) return;
    wx.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
  },

  /**
   * Cold and warm starts alike: a chat card, a scanned code or 朋友圈 each bring their own entry options; who the
   * user is (staff see 工作台) is asked once each start.
   */
  onShow() {
    entry.update(enterInfo());
    forgetSystemFacts();
    settings.followSystem();
    queue.wake();
    void identity.refresh();
  },
});
