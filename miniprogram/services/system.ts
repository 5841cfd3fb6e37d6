/** Facts about the phone and WeChat, read once: theme and the reader's WeChat font size. */
export interface SystemFacts {
  theme: 'light' | 'dark';
  /** WeChat's font size in px (17 standard on iOS, 16 on Android); 关怀模式 is about 23.8. */
  fontSizeSetting: number | null;
  fontSizeScaleFactor: number | null;
}

let cached: SystemFacts | null = null;

export function systemFacts(): SystemFacts {
  if (cached) return cached;
  try {
    const info = wx.getAppBaseInfo() as WechatMiniprogram.AppBaseInfo & { fontSizeScaleFactor?: number };
    cached = {
      theme: info.theme === 'dark' ? 'dark' : 'light',
      fontSizeSetting: typeof info.fontSizeSetting === 'number' ? info.fontSizeSetting : null,
      fontSizeScaleFactor: typeof info.fontSizeScaleFactor === 'number' ? info.fontSizeScaleFactor : null,
    };
  } catch {
    cached = { theme: 'light', fontSizeSetting: null, fontSizeScaleFactor: null };
  }
  return cached;
}

/** For tests and theme changes: the next read asks WeChat again. */
export const forgetSystemFacts = (): void => {
  cached = null;
};

/** True when the network is known to be down; unknown counts as up, so reading is never blocked. */
export function isOffline(): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      wx.getNetworkType({
        success: (res) => resolve(res.networkType === 'none'),
        fail: () => resolve(false),
      });
    } catch {
      resolve(false);
    }
  });
}

export function windowHeight(): number {
  try {
    return wx.getWindowInfo().windowHeight;
  } catch {
    return 0;
  }
}

/** Calls `onOnline` whenever the phone gets a network connection back. */
export function whenOnline(onOnline: () => void): void {
  try {
    wx.onNetworkStatusChange((res) => {
      if (res.isConnected) onOnline();
    });
  } catch {
    // no network events on this base library: the queue's own retries still deliver
  }
}
