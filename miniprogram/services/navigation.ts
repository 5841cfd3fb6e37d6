/** Page navigation and the few other wx UI calls pages make, in one place to stub in tests. */
export const openPage = (url: string): void => {
  wx.navigateTo({ url, fail: () => wx.redirectTo({ url }) });
};

export const replacePage = (url: string): void => {
  wx.redirectTo({ url });
};

export const scrollPageTo = (scrollTop: number): void => {
  wx.pageScrollTo({ scrollTop, duration: 0 });
};

export const enableShareMenu = (): void => {
  wx.showShareMenu({ withShareTicket: false, menus: ['shareAppMessage', 'shareTimeline'] });
};

export const stopPullDownRefresh = (): void => {
  wx.stopPullDownRefresh();
};

/** WeChat's dialog: resolves true for the confirm button (`confirmText`), false for 取消 or when it failed. */
export const confirmModal = (options: {
  title: string;
  content: string;
  confirmText?: string;
  cancelText?: string;
  showCancel?: boolean;
}): Promise<boolean> =>
  new Promise((resolve) => {
    try {
      wx.showModal({
        ...options,
        success: (res) => resolve(res.confirm === true),
        fail: () => resolve(false),
      });
    } catch {
      resolve(false);
    }
  });

export const showToast = (title: string, icon: 'success' | 'none' = 'none'): void => {
  wx.showToast({ title, icon });
};
