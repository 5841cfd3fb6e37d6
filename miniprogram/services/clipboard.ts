/** Puts `text` on the clipboard; WeChat itself then says 内容已复制. Resolves false when it could not. */
export const copyText = (text: string): Promise<boolean> =>
  new Promise((resolve) => {
    try {
      wx.setClipboardData({ data: text, success: () => resolve(true), fail: () => resolve(false) });
    } catch {
      resolve(false);
    }
  });
