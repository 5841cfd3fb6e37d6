/** Saving images to the phone's album, and fetching the files to save: the only callers of these wx APIs. */

/**
 * saved; denied: the person refused the album before (WeChat asks once), only 设置 can allow it now; system: the
 * phone does not let WeChat itself at the photos (only the phone's own settings can); privacy: the person has not
 * agreed to the mini-program's privacy terms for the album; cancelled; failed.
 */
export type SaveOutcome = 'saved' | 'denied' | 'system' | 'privacy' | 'cancelled' | 'failed';

const ALBUM_SCOPE = 'scope.writePhotosAlbum';

/**
 * `saveImageToPhotosAlbum:fail auth deny` (iOS), `…:fail auth denied` / `authorize no response` (Android);
 * `…:fail system permission denied` (the phone refuses WeChat); `…:fail privacy permission is not authorized` or an
 * errno 104 (the privacy terms were not agreed to).
 */
export function outcomeOf(errMsg: string | undefined): SaveOutcome {
  const message = errMsg ?? '';
  if (/system permission/i.test(message)) return 'system';
  if (/privacy/i.test(message)) return 'privacy';
  if (/auth den|authorize/i.test(message)) return 'denied';
  if (/cancel/i.test(message)) return 'cancelled';
  return 'failed';
}

/** Saves a local (temporary) image file to the album; a remote image must be downloaded first (`downloadFile`). */
export const saveToAlbum = (filePath: string): Promise<SaveOutcome> =>
  new Promise((resolve) => {
    try {
      wx.saveImageToPhotosAlbum({
        filePath,
        success: () => resolve('saved'),
        fail: (err) => resolve(outcomeOf(err?.errMsg)),
      });
    } catch {
      resolve('failed');
    }
  });

/**
 * WeChat's settings page for the app, where the person can allow 保存到相册 again: must be called from a tap.
 * Resolves true when the album is allowed on their return.
 */
export const openAlbumSetting = (): Promise<boolean> =>
  new Promise((resolve) => {
    try {
      wx.openSetting({
        success: (res) => resolve(res.authSetting?.[ALBUM_SCOPE] === true),
        fail: () => resolve(false),
      });
    } catch {
      resolve(false);
    }
  });

/** A remote file (a code image) as a local temporary file; null when it could not be fetched. */
export const downloadFile = (url: string): Promise<string | null> =>
  new Promise((resolve) => {
    try {
      wx.downloadFile({
        url,
        success: (res) => resolve(res.statusCode === 200 && res.tempFilePath ? res.tempFilePath : null),
        fail: () => resolve(null),
      });
    } catch {
      resolve(null);
    }
  });
