import type cloud from 'wx-server-sdk';
import type { FileStore } from '../../stats/port';

/** How long a download link works. */
export const LINK_TTL_S = 60 * 60;

/** Files in cloud storage at their paths, handed out as temporary download links. */
export function cloudFiles(sdk: Pick<typeof cloud, 'uploadFile' | 'getTempFileURL'>): FileStore {
  const link = async (fileID: string) => {
    const { fileList } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_TTL_S }] });
    const found = fileList[0];
    if (found?.status !== 0 || !found.tempFileURL) throw new Error(`no link for ${fileID}: ${found?.errMsg}`);
    return { url: found.tempFileURL, expiresAt: new Date(Date.now() + LINK_TTL_S * 1000) };
  };
  return {
    async put(path, content) {
      const { fileID } = await sdk.uploadFile({ cloudPath: path, fileContent: content });
      return { id: fileID, ...(await link(fileID)) };
    },
    link,
  };
}
