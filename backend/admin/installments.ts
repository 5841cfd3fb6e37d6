import * as z from 'zod/mini';
import type { AdminApi, InstallmentAdminInfo } from '../../typings/contract';
import type { InstallmentRecord } from '../content/port';
import { publishInstallment } from '../content/publish';
import { parseInstallmentFile } from '../content/schema';
import { revisionOf, STAFF_PUBLISHED } from '../content/sync';
import type { HandlerContext } from '../core/context';
import { fail, ok } from '../core/envelope';
import { shortId } from '../core/ids';
import type { Actions } from '../core/router';
import '../core/zod';

const info = (i: InstallmentRecord): InstallmentAdminInfo => ({
  id: i.id,
  number: i.number,
  title: i.title,
  subtitle: i.subtitle,
  publishedAt: i.publishedAt,
  online: i.online,
  articleCount: i.articles.length,
});

const byId = z.strictObject({ id: shortId });
const NOT_FOUND = '没有这一期';

/** Takes an installment offline (its speeches stop counting first) or puts it back; counts are kept either way. */
async function setOnline(ctx: HandlerContext, id: string, online: boolean) {
  const record = await ctx.stores.content.getInstallment(id);
  if (record === null) return fail('NOT_FOUND', NOT_FOUND);
  const speeches = record.articles.map((a) => ({ id: a.id, readingMinutes: a.readingMinutes }));
  if (!online) await ctx.stores.track.setCountable(speeches, false);
  const updated = await ctx.stores.content.setOnline(id, online);
  if (online) await ctx.stores.track.setCountable(speeches, true);
  return updated === null ? fail('NOT_FOUND', NOT_FOUND) : ok(info(updated));
}

/** Installments, for administrators: publish a curated file, date it, take it offline and back. */
export const installmentActions: Pick<
  Actions<AdminApi>,
  'installment.list' | 'installment.publish' | 'installment.setDate' | 'installment.unpublish' | 'installment.republish'
> = {
  'installment.list': {
    role: 'admin',
    input: z.strictObject({}),
    handle: async (_input, { stores }) => ok({ items: (await stores.content.listInstallments()).map(info) }),
  },

  'installment.publish': {
    role: 'admin',
    input: z.strictObject({ installment: z.unknown() }),
    handle: async ({ installment }, { stores }) => {
      let file: ReturnType<typeof parseInstallmentFile>;
      try {
        file = parseInstallmentFile(installment, '期次文件');
      } catch (error) {
        return fail('BAD_REQUEST', (error as Error).message.slice(0, 500));
      }
      if (file.review.length > 0) {
        return fail('BAD_REQUEST', `还有 ${file.review.length} 处待编辑决定（review），不能上线`);
      }
      await publishInstallment(stores, file, STAFF_PUBLISHED + revisionOf(file));
      const saved = await stores.content.getInstallment(file.id);
      return saved === null ? fail('INTERNAL', '发布后没有读到这一期') : ok(info(saved));
    },
  },

  'installment.setDate': {
    role: 'admin',
    input: z.strictObject({ id: shortId, publishedAt: z.nullable(z.iso.date('须为 YYYY-MM-DD 日期')) }),
    handle: async ({ id, publishedAt }, { stores }) => {
      const updated = await stores.content.setPublishedAt(id, publishedAt);
      return updated === null ? fail('NOT_FOUND', NOT_FOUND) : ok(info(updated));
    },
  },

  'installment.unpublish': {
    role: 'admin',
    input: byId,
    handle: ({ id }, ctx) => setOnline(ctx, id, false),
  },

  'installment.republish': {
    role: 'admin',
    input: byId,
    handle: ({ id }, ctx) => setOnline(ctx, id, true),
  },
};
