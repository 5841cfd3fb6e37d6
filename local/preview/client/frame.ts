/**
 * The phone the preview draws: an iPhone-X-sized screen in CSS px. Shared by the server (unit conversion of
 * WXSS) and the browser (the frame, `wx.getWindowInfo`), so both agree on what one rpx and one vh are.
 */
export const FRAME = {
  width: 375,
  height: 812,
  statusBarHeight: 44,
  navigationBarHeight: 44,
} as const;

/** The page area under the navigation bar: what WeChat reports as windowHeight and what `100vh` fills. */
export const WINDOW_HEIGHT = FRAME.height - FRAME.statusBarHeight - FRAME.navigationBarHeight;

/** WeChat defines 750rpx as the screen width: at a 375-px frame one rpx is half a CSS px. */
export const PX_PER_RPX = FRAME.width / 750;
