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
