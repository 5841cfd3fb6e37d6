import * as z from 'zod/mini';
import type { ArticleSummary, ContentApi, EventResult, InstallmentListItem } from '../../typings/contract';
import type { HandlerContext } from '../core/context';
import { fail, ok } from '../core/envelope';
import { eventId, shortId } from '../core/ids';
import type { Actions } from '../core/router';
import '../core/zod';
import { recordOpening } from '../track/record';
import { anonId, attribution } from '../track/schemas';
import type { InstallmentRecord } from './port';
import { searchArticles } from './search';

const byId = z.strictObject({ id: shortId });

/** When recording found the database down or stalled, asking it again for the count would only make the reader wait. */
const storeFailed = (result: EventResult) =>
  !result.ok && (result.code === 'UNAVAILABLE' || result.code === 'INTERNAL');

const countOf = async (ctx: HandlerContext, id: string) => (await ctx.stores.track.readCounts([id])).get(id) ?? 0;

const listItem = (r: InstallmentRecord): InstallmentListItem => ({
  id: r.id,
  number: r.number,
  title: r.title,
  subtitle: r.subtitle,
  publishedAt: r.publishedAt,
  articleCount: r.articles.length,
});

/** What a reader is told of a speech or installment staff took offline: its counts are kept. */
export const OFFLINE = {
  installment: '这一期内容已下线',
  article: '这篇文章已下线',
} as const;

/**
 * The `content` function: public and read-only, except that `article.get` may record the opening as a read
 * (see backend/track). Read counts are joined from the store's counters.
 */
export const contentActions: Actions<ContentApi> = {
  'installment.list': {
    role: 'public',
    input: z.strictObject({}),
    handle: async (_input, { stores }) =>
      ok({ items: (await stores.content.listInstallments()).filter((i) => i.online).map(listItem) }),
  },

  'installment.get': {
    role: 'public',
    input: byId,
    handle: async ({ id }, { stores }) => {
      const record = await stores.content.getInstallment(id);
      if (!record) return fail('NOT_FOUND', '没有找到这一期内容');
      if (!record.online) return fail('NOT_FOUND', OFFLINE.installment);
      const counts = await stores.track.readCounts(record.articles.map((a) => a.id));
      const articles = record.articles.map((a): ArticleSummary => ({ ...a, readCount: counts.get(a.id) ?? 0 }));
      return ok({ ...listItem(record), editorsNote: record.editorsNote, articles });
    },
  },

  'article.get': {
    role: 'public',
    input: z.strictObject({
      id: shortId,
      read: z.optional(z.strictObject({ eventId, attribution })),
      anonId: z.optional(anonId),
    }),
    handle: async ({ id, read, anonId }, ctx) => {
      const article = await ctx.stores.content.getArticle(id);
      if (!article) return fail('NOT_FOUND', '没有找到这篇文章');
      if (!article.online) return fail('NOT_FOUND', OFFLINE.article);
      const { installmentId: _i, position: _p, online: _o, ...view } = article;
      // Recording the opening reads the count anyway, so a recorded read needs no separate count request.
      const opening = read ? await recordOpening(ctx, { type: 'read', articleId: id, ...read }, anonId) : null;
      const readCount =
        opening && storeFailed(opening.result) ? null : (opening?.readCount ?? (await countOf(ctx, id)));
      return ok({ ...view, readCount, ...(opening && { read: opening.result }) });
    },
  },

  search: {
    role: 'public',
    input: z.strictObject({
      q: z
        .string()
        .check(
          z.maxLength(200),
          z.trim(),
          z.minLength(1, '请输入要搜索的字词'),
          z.maxLength(30, '搜索词不能超过 30 个字'),
        ),
    }),
    handle: async ({ q }, { stores }) => ok({ q, hits: searchArticles(await stores.content.listArticles(), q) }),
  },
};
