import type cloud from 'wx-server-sdk';
import type { FileStore } from '../../stats/port';

/** How long a download link to an export works. */
export const LINK_TTL_S = 60 * 60;

/** Exports in cloud storage (`exports/<name>`), handed out as temporary download links. */
export function cloudFiles(sdk: Pick<typeof cloud, 'uploadFile' | 'getTempFileURL'>, folder = 'exports'): FileStore {
  return {
    async put(name, content) {
      const { fileID } = await sdk.uploadFile({ cloudPath: `${folder}/${name}`, fileContent: content });
      const { fileList } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: LINK_TTL_S }] });
      const link = fileList[0];
      if (link?.status !== 0 || !link.tempFileURL) throw new Error(`no link for ${fileID}: ${link?.errMsg}`);
      return { url: link.tempFileURL, expiresAt: new Date(Date.now() + LINK_TTL_S * 1000) };
    },
  };
}
