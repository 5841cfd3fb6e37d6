/** Page navigation and the few other wx UI calls pages make, in one place to stub in tests. */
export const openPage = (url: string): void => {
  wx.navigateTo({ url, fail: () => wx.redirectTo({ url }) });
};

export const replacePage = (url: string): void => {
  wx.redirectTo({ url });
};

const HOME_ROUTE = 'pages/installment/index';

/**
 * Back to the installment's home page: the one already on the stack when there is one (navigateBack, so no second
 * home with a back arrow to an identical home), else a relaunch to it (the article was the entry page).
 */
export const goHome = (): void => {
  const stack = getCurrentPages();
  const at = stack.map((page) => page.route).lastIndexOf(HOME_ROUTE);
  if (at >= 0) {
    const delta = stack.length - 1 - at;
    if (delta > 0) wx.navigateBack({ delta });
    return;
  }
  wx.reLaunch({ url: `/${HOME_ROUTE}` });
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
