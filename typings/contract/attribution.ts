/** Where a reader came from: the nodes of the 融媒体 matrix, and how WeChat brought them. */

/** Codes printed into QR codes and links (`ch=`), one per node of the matrix. */
export const MATRIX_CHANNELS = {
  bao: '报纸',
  tai: '广播电视',
  wang: '网站',
  wei: '公众号',
  duan: '客户端',
  ping: '户外大屏',
} as const;

/** Codes the app itself puts into a share (`ch=`): how the reader passed the speech on. */
export const SHARE_CHANNELS = {
  chat: '微信会话',
  tl: '朋友圈',
  poster: '海报',
} as const;

export type MatrixChannel = keyof typeof MATRIX_CHANNELS;
export type ShareTarget = 'chat' | 'timeline' | 'poster';
export type ShareChannel = keyof typeof SHARE_CHANNELS;
export type LinkChannel = MatrixChannel | ShareChannel;

/** The channel code a share to each target carries in its link (`ch=`). */
export const SHARE_TARGET_CHANNEL = {
  chat: 'chat',
  timeline: 'tl',
  poster: 'poster',
} as const satisfies Record<ShareTarget, ShareChannel>;

/** What the app knows about one entry, from `wx.getEnterOptionsSync()` and the page/QR query. */
export interface Attribution {
  /** WeChat scene value, e.g. 1007 single chat, 1154 朋友圈 single-page mode, 1047 scanned code. */
  scene: number | null;
  /** Present when opened from a chat: 1 single chat, 2 企业微信 single chat, 3 group, 4 企业微信 group. */
  chatType: number | null;
  /** `apiCategory` of the entry: 'default', 'browseOnly' (朋友圈 single-page mode), 'embedded', … */
  apiCategory: string | null;
  /** `ch` from the link or QR code, as received (validated by the server). */
  ch: string | null;
  /** Share id `s` from the link or QR code, as received. */
  s: string | null;
}

/** A QR-code `scene` parameter holds `a=<articleId>&c=<channel>&s=<shareId>`, 32 characters at most. */
export const QR_SCENE_MAX = 32;
