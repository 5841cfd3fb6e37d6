import { type CodeInfo, QR_SCENE_MAX } from '../../typings/contract';
import type { HandlerContext } from '../core/context';
import { dayOf } from '../track/day';

/** The page every code and link opens: the speech, with its channel and share. */
export const ARTICLE_PAGE = 'pages/article/index';

/** What a code carries, in the order the app's scene parser reads it (miniprogram/utils/entry.ts). */
export function sceneOf(articleId: string, channel: string, shareId?: string): string {
  const scene = `a=${articleId}&c=${channel}${shareId ? `&s=${shareId}` : ''}`;
  if (scene.length > QR_SCENE_MAX) throw new Error(`scene over ${QR_SCENE_MAX} characters: ${scene}`);
  return scene;
}

/** A plain link to the same speech and channel, for 公众号 menus and articles. */
export const pathOf = (articleId: string, channel: string): string => `/${ARTICLE_PAGE}?id=${articleId}&ch=${channel}`;

/**
 * The code for a scene: the stored one, or — the first time only — one made (by WeChat in the cloud), stored and
 * kept, so each speech × channel (× share) costs WeChat one request ever. Two first requests at once may both make
 * it; the store keeps the first record.
 */
export async function codeFor(
  ctx: HandlerContext,
  request: { articleId: string; channel: string; shareId?: string; by: string | null },
): Promise<CodeInfo> {
  const { stores } = ctx;
  const scene = sceneOf(request.articleId, request.channel, request.shareId);
  let record = await stores.codes.get(scene);
  if (record === null) {
    const { png, standIn } = await stores.codeMaker.make({ page: ARTICLE_PAGE, scene });
    const name = `${request.articleId}-${request.channel}${request.shareId ? `-${request.shareId}` : ''}`;
    const stored = await stores.files.put(`codes/${name}${standIn ? '-local' : ''}.png`, png, 'image/png');
    const now = ctx.now().getTime();
    const made = { scene, fileId: stored.id, standIn, createdAt: now, createdBy: request.by, day: dayOf(now) };
    record = (await stores.codes.put(made)) ? made : ((await stores.codes.get(scene)) ?? made);
  }
  const link = await stores.files.link(record.fileId);
  return {
    scene,
    page: ARTICLE_PAGE,
    path: pathOf(request.articleId, request.channel),
    image: link.url,
    imageExpiresAt: link.expiresAt.toISOString(),
    standIn: record.standIn,
  };
}
