import type { EnterInfo } from '../utils/entry';

/** How the reader entered this time (cold or warm start): `getEnterOptionsSync`, not only the launch options. */
export function enterInfo(): EnterInfo {
  try {
    const options = wx.getEnterOptionsSync() as WechatMiniprogram.App.LaunchShowOption & {
      chatType?: number;
      apiCategory?: string;
    };
    return {
      scene: options.scene,
      query: options.query as Record<string, string | undefined>,
      chatType: options.chatType,
      apiCategory: options.apiCategory,
    };
  } catch {
    return {};
  }
}
