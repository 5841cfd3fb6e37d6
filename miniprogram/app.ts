import { CLOUD_ENV } from './config';

App({
  onLaunch() {
    // Absent in tourist mode and on very old base libraries; the cloud client then reports a friendly failure.
    if (!wx.cloud) return;
    wx.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
  },
});
