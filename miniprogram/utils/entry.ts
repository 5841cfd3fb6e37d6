import type { Attribution } from '../../typings/contract';
import { ID_FORMATS } from './contract.generated';

/** What `wx.getEnterOptionsSync()` gives that matters here; the page query is merged in by the caller. */
export interface EnterInfo {
  scene?: number;
  query?: Record<string, string | undefined>;
  chatType?: number;
  apiCategory?: string;
}

/** Where a link or code points: the speech, the matrix channel, and the share it came from. */
export interface Target {
  articleId: string | null;
  ch: string | null;
  s: string | null;
}

const SINGLE_PAGE_SCENES = new Set([1154]);
const ARTICLE_ID = new RegExp(ID_FORMATS.short);
/** `ch` and `s` are passed on as sent when they are plain and short: the server judges them (an unknown one counts as such). */
const LINK_FIELD = /^[A-Za-z0-9_-]{1,32}$/;
const clean = (value: string | undefined | null, format: RegExp): string | null =>
  value && format.test(value) ? value : null;

/** Decodes a QR-code `scene` such as "a=2i8mte&c=bao&s=k3j9x0" (WeChat passes it URL-encoded). */
export function parseScene(scene: string | undefined): Partial<Record<'a' | 'c' | 's', string>> {
  if (!scene) return {};
  let decoded = scene;
  try {
    decoded = decodeURIComponent(scene);
  } catch {
    return {};
  }
  const out: Partial<Record<'a' | 'c' | 's', string>> = {};
  for (const pair of decoded.split('&')) {
    const [key, value] = pair.split('=');
    if ((key === 'a' || key === 'c' || key === 's') && value) out[key] = value;
  }
  return out;
}

/** The target of a page query: `id`/`ch`/`s` from a shared path, or `a`/`c`/`s` packed in a QR scene. */
export function targetOf(query: Record<string, string | undefined> = {}): Target {
  const scene = parseScene(query.scene);
  return {
    articleId: clean(query.id ?? scene.a, ARTICLE_ID),
    ch: clean(query.ch ?? scene.c, LINK_FIELD),
    s: clean(query.s ?? scene.s, LINK_FIELD),
  };
}

export function attributionOf(enter: EnterInfo, query: Record<string, string | undefined> = {}): Attribution {
  const target = targetOf({ ...enter.query, ...query });
  return {
    scene: typeof enter.scene === 'number' ? enter.scene : null,
    chatType: typeof enter.chatType === 'number' ? enter.chatType : null,
    apiCategory: typeof enter.apiCategory === 'string' ? enter.apiCategory : null,
    ch: target.ch,
    s: target.s,
  };
}

/** 朋友圈 single-page mode: no login, no navigation; the page must stand on its own. */
export const isSinglePage = (enter: EnterInfo): boolean =>
  (typeof enter.scene === 'number' && SINGLE_PAGE_SCENES.has(enter.scene)) || enter.apiCategory === 'browseOnly';

export const articlePath = (articleId: string, ch: string, s: string): string =>
  `/pages/article/index?id=${articleId}&ch=${ch}&s=${s}`;

export const articleQuery = (articleId: string, ch: string, s: string): string => `id=${articleId}&ch=${ch}&s=${s}`;
