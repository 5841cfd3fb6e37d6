import type { CodeMaker } from '../../admin/port';

/** The part of `cloud.openapi` codes need (the function's config.json grants `wxacode.getUnlimited`). */
export interface WxacodeApi {
  openapi: {
    wxacode: {
      getUnlimited(options: {
        scene: string;
        page: string;
        checkPath?: boolean;
        width?: number;
      }): Promise<{ buffer: Buffer; errCode?: number; errMsg?: string }>;
    };
  };
}

/** Mini-program codes from WeChat: any number of them, each for a page and a scene of at most 32 characters. */
export function wxacodeMaker(sdk: WxacodeApi): CodeMaker {
  return {
    async make({ page, scene }) {
      // checkPath false: a code can be made before the version with the page is released.
      const res = await sdk.openapi.wxacode.getUnlimited({ scene, page, checkPath: false, width: 430 });
      if (res.errCode !== undefined && res.errCode !== 0)
        throw new Error(`getUnlimited failed: ${res.errCode} ${res.errMsg}`);
      return { png: res.buffer, standIn: false };
    },
  };
}

/** For stores made without WeChat: every request fails, saying so. */
export const noCodes: CodeMaker = {
  async make() {
    throw new Error('no code maker: pass wxacodeMaker(cloud) to createCloudBaseStores');
  },
};
