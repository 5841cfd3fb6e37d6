/**
 * What the side panel controls, kept in localStorage so that a reload (a cold start of the mini-program)
 * comes back as the same reader, with the same network, entry and appearance.
 */

export const IDENTITIES = {
  a: { label: '读者 A', openid: 'preview-reader-a' },
  b: { label: '读者 B', openid: 'preview-reader-b' },
  staff: { label: '工作人员', openid: 'preview-staff' },
} as const;
export type IdentityId = keyof typeof IDENTITIES;

/** WeChat's font size settings (iOS): 标准 17 px; 关怀模式 turns it up to about 23.8 px. */
export const FONT_SIZES = {
  standard: { label: '标准', fontSizeSetting: 17, fontSizeScaleFactor: 1 },
  large: { label: '大', fontSizeSetting: 20, fontSizeScaleFactor: 1.18 },
  care: { label: '特大（关怀模式）', fontSizeSetting: 23.8, fontSizeScaleFactor: 1.4 },
} as const;
export type FontSizeId = keyof typeof FONT_SIZES;

/** How the reader arrives: the scenes the app tells apart, with what WeChat adds to each. */
export const SCENES = {
  main: { label: '发现·小程序主入口', scene: 1001 },
  chat: { label: '单聊会话卡片', scene: 1007, chatType: 1 },
  group: { label: '群聊会话卡片', scene: 1008, chatType: 3 },
  moments: { label: '朋友圈（单页模式）', scene: 1154, apiCategory: 'browseOnly' },
  qr: { label: '扫报纸上的小程序码', scene: 1047 },
  mp: { label: '公众号菜单', scene: 1035 },
} as const satisfies Record<string, { label: string; scene: number; chatType?: number; apiCategory?: string }>;
export type SceneId = keyof typeof SCENES;

/** One entry into the mini-program, as `wx.getEnterOptionsSync()` reports it. */
export interface Entry {
  scene: number;
  /** The page opened, without the leading slash or query ('' for the home page). */
  path: string;
  query: Record<string, string>;
  chatType?: number;
  apiCategory?: string;
}

export interface PreviewState {
  identity: IdentityId;
  online: boolean;
  dark: boolean;
  fontSize: FontSizeId;
  entry: Entry;
}

const KEY = 'wxpreview.state';

export const DEFAULT_STATE: PreviewState = {
  identity: 'a',
  online: true,
  dark: false,
  fontSize: 'standard',
  entry: { scene: SCENES.main.scene, path: '', query: {} },
};

export function loadState(): PreviewState {
  try {
    const saved = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<PreviewState> | null;
    if (!saved) return structuredClone(DEFAULT_STATE);
    return {
      identity: saved.identity && saved.identity in IDENTITIES ? saved.identity : DEFAULT_STATE.identity,
      online: saved.online !== false,
      dark: saved.dark === true,
      fontSize: saved.fontSize && saved.fontSize in FONT_SIZES ? saved.fontSize : DEFAULT_STATE.fontSize,
      entry: saved.entry && typeof saved.entry.scene === 'number' ? saved.entry : DEFAULT_STATE.entry,
    };
  } catch {
    return structuredClone(DEFAULT_STATE);
  }
}

export function saveState(state: PreviewState): void {
  localStorage.setItem(KEY, JSON.stringify(state));
}

/** 朋友圈 single-page mode: no navigation, and WeChat gives no openid (the app then counts its anonymous id). */
export const isSinglePage = (entry: Entry): boolean => entry.apiCategory === 'browseOnly';

/** A page path as the app writes it ('/pages/article/index?id=x') → route and query, as WeChat passes them. */
export function parseUrl(url: string): { route: string; query: Record<string, string> } {
  const [path = '', search = ''] = url.split('?');
  const query: Record<string, string> = {};
  for (const pair of search.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    // WeChat hands query values over as written, still URL-encoded (the app decodes a QR `scene` itself).
    if (eq < 0) query[pair] = '';
    else query[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return { route: path.replace(/^\//, ''), query };
}

export const toUrl = (route: string, query: Record<string, string>): string => {
  const search = Object.entries(query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
  return `/${route}${search ? `?${search}` : ''}`;
};
