import {
  type Attribution,
  ID_FORMATS,
  type LinkChannel,
  MATRIX_CHANNELS,
  SHARE_CHANNELS,
} from '../../typings/contract';

/**
 * Where a reading came from, as counted and as the staff stats page shows it. An explicit `ch` that names a
 * node of the matrix or one of the app's own share channels wins; otherwise WeChat's scene decides.
 */

/** Scenes grouped by how WeChat brought the reader, for entries whose link named no channel. */
export const SCENE_GROUPS = {
  session: { label: '会话', scenes: [1007, 1008, 1044, 1096] },
  moments: { label: '朋友圈', scenes: [1154, 1155] },
  mp: { label: '公众号', scenes: [1035, 1043, 1058, 1074, 1082, 1091, 1102] },
  scan: { label: '扫码', scenes: [1011, 1012, 1013, 1047, 1048, 1049] },
  search: { label: '搜索', scenes: [1005, 1006, 1053] },
} as const;

export type SceneGroup = keyof typeof SCENE_GROUPS;
export type ChannelCode = LinkChannel | SceneGroup | 'other' | 'unknown';

/** WeChat's crawler opening pages to index them: served, never counted. */
export const CRAWLER_SCENE = 1129;

export type ChannelKind = 'matrix' | 'share' | 'scene' | 'unknown';

/** Every channel a counter can be kept under, with its label. */
export const CHANNELS: Record<ChannelCode, { label: string; kind: ChannelKind }> = {
  ...mapValues(MATRIX_CHANNELS, 'matrix'),
  ...mapValues(SHARE_CHANNELS, 'share'),
  ...mapValues(
    Object.fromEntries(Object.entries(SCENE_GROUPS).map(([code, g]) => [code, g.label])) as Record<SceneGroup, string>,
    'scene',
  ),
  other: { label: '其他', kind: 'scene' },
  unknown: { label: '未知', kind: 'unknown' },
};

function mapValues<K extends string>(labels: Record<K, string>, kind: ChannelKind) {
  return Object.fromEntries(Object.entries(labels).map(([code, label]) => [code, { label, kind }])) as Record<
    K,
    { label: string; kind: ChannelKind }
  >;
}

const sceneGroup = new Map<number, SceneGroup>(
  Object.entries(SCENE_GROUPS).flatMap(([code, g]) =>
    g.scenes.map((scene): [number, SceneGroup] => [scene, code as SceneGroup]),
  ),
);

const isLinkChannel = (ch: string): ch is LinkChannel =>
  Object.hasOwn(MATRIX_CHANNELS, ch) || Object.hasOwn(SHARE_CHANNELS, ch);

export const isCrawler = (attribution: Attribution): boolean => attribution.scene === CRAWLER_SCENE;

const CUSTOM_CODE = new RegExp(ID_FORMATS.channel);

/** A `ch` that could name a staff-made channel: the format, and not a built-in code. */
export const mayBeCustom = (ch: string | null): ch is string =>
  ch !== null && CUSTOM_CODE.test(ch) && !Object.hasOwn(CHANNELS, ch);

/**
 * The channel an opening is counted under: a built-in `ch`, a staff-made one (`custom` holds those that exist), else
 * the scene's group. An unknown or malformed `ch` is 'unknown', never kept as sent.
 */
export function channelOf({ ch, scene }: Attribution, custom: ReadonlySet<string> = new Set()): string {
  if (ch !== null) return isLinkChannel(ch) || custom.has(ch) ? ch : 'unknown';
  return (scene !== null && sceneGroup.get(scene)) || 'other';
}

/** The label of a stored channel code ('未知' for a code this build does not know). */
export const channelLabel = (code: string): string =>
  Object.hasOwn(CHANNELS, code) ? CHANNELS[code as ChannelCode].label : CHANNELS.unknown.label;
