import * as z from 'zod/mini';
import { type AdminApi, ID_FORMATS, MATRIX_CHANNELS, SHARE_CHANNELS } from '../../typings/contract';
import type { ChannelRecord } from '../channels/port';
import { loadCatalog } from '../content/catalog';
import { fail, ok } from '../core/envelope';
import { shareId, shortId } from '../core/ids';
import { sharePrefixOf } from '../core/reader-key';
import type { Actions } from '../core/router';
import '../core/zod';
import { CHANNELS } from '../track/channels';
import { addDays, dayOf, showDay } from '../track/day';
import { reconcileClosedDays, TIMER_LOOKBACK_DAYS } from '../track/reconcile';
import { codeFor } from './codes';
import { installmentActions } from './installments';
import { setupActions } from './setup';
import { staffActions } from './staff';

/** Poster codes a reader may have made in one China day: each new one is a request to WeChat. */
export const POSTER_CODES_PER_DAY = 10;

const channelInfo = (c: ChannelRecord) => ({
  code: c.code,
  name: c.name,
  type: c.type,
  createdAt: new Date(c.createdAt).toISOString(),
  retired: c.retired,
});

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, '不能为空'), z.maxLength(max));
const channelCode = z.string().check(z.regex(new RegExp(ID_FORMATS.channel), '须为 2–6 位小写字母或数字'));
const matrixType = z.enum(Object.keys(MATRIX_CHANNELS) as [keyof typeof MATRIX_CHANNELS]);

/** The `admin` function: who the caller is, for everyone; what staff manage (channels, codes, staff, installments). */
export const adminActions: Actions<AdminApi> = {
  whoami: {
    role: 'public',
    input: z.strictObject({}),
    handle: async (_input, { caller, identity, readerKey }) => {
      const { role, member } = await caller();
      const key = identity.openid ? readerKey({ openid: identity.openid }, undefined)?.key : undefined;
      return ok({
        staff: role !== 'reader',
        admin: role === 'admin',
        name: role === 'reader' ? null : (member?.name ?? '管理员'),
        myNumber: identity.openid,
        sharePrefix: key === undefined ? null : sharePrefixOf(key),
      });
    },
  },

  'channel.list': {
    role: 'staff',
    input: z.strictObject({}),
    handle: async (_input, { stores }) => ok({ items: (await stores.channels.list()).map(channelInfo) }),
  },

  'channel.create': {
    role: 'staff',
    input: z.strictObject({ name: text(20), type: matrixType, code: channelCode }),
    handle: async ({ name, type, code }, ctx) => {
      if (Object.hasOwn(CHANNELS, code)) return fail('BAD_REQUEST', `渠道代码 ${code} 是系统保留的，请换一个`);
      const { member } = await ctx.caller();
      const record: ChannelRecord = {
        code,
        name,
        type,
        createdAt: ctx.now().getTime(),
        createdBy: member?.key ?? null,
        retired: false,
      };
      if (!(await ctx.stores.channels.create(record))) {
        return fail('BAD_REQUEST', `渠道代码 ${code} 已被使用，请换一个`);
      }
      return ok(channelInfo(record));
    },
  },

  'channel.retire': {
    role: 'staff',
    input: z.strictObject({ code: channelCode }),
    handle: async ({ code }, { stores }) => {
      const retired = await stores.channels.retire(code);
      return retired === null ? fail('NOT_FOUND', `没有渠道 ${code}`) : ok(channelInfo(retired));
    },
  },

  'code.get': {
    role: 'staff',
    input: z.strictObject({ articleId: shortId, channel: z.string().check(z.maxLength(16)) }),
    handle: async ({ articleId, channel }, ctx) => {
      if ((await ctx.stores.content.getArticle(articleId)) === null) return fail('NOT_FOUND', '没有找到这篇文章');
      const builtIn = Object.hasOwn(MATRIX_CHANNELS, channel) || Object.hasOwn(SHARE_CHANNELS, channel);
      if (!builtIn) {
        const made = (await ctx.stores.channels.list()).find((c) => c.code === channel);
        if (made === undefined) return fail('NOT_FOUND', `没有渠道 ${channel}`);
        if (made.retired) return fail('BAD_REQUEST', `渠道“${made.name}”已停用，不能再生成新码`);
      }
      const { member } = await ctx.caller();
      return ok(await codeFor(ctx, { articleId, channel, by: member?.key ?? null }));
    },
  },

  'poster.code': {
    role: 'public',
    input: z.strictObject({ articleId: shortId, shareId }),
    handle: async ({ articleId, shareId: share }, ctx) => {
      const reader = ctx.identity.openid ? ctx.readerKey({ openid: ctx.identity.openid }, undefined) : null;
      if (reader === null) return fail('BAD_REQUEST', '无法识别读者：请在微信里打开小程序后再生成海报');
      if (!share.startsWith(sharePrefixOf(reader.key))) return fail('BAD_REQUEST', '分享编号不是你的');
      const article = await ctx.stores.content.getArticle(articleId);
      if (article === null || !article.online) return fail('NOT_FOUND', '这篇文章不存在或已下线');
      const made = await ctx.stores.codes.get(`a=${articleId}&c=poster&s=${share}`);
      if (made === null) {
        const today = dayOf(ctx.now().getTime());
        if ((await ctx.stores.codes.countBy(reader.key, today)) >= POSTER_CODES_PER_DAY) {
          return fail('RATE_LIMITED', '今天生成的海报太多了，请明天再试');
        }
      }
      return ok(await codeFor(ctx, { articleId, channel: 'poster', shareId: share, by: reader.key }));
    },
  },

  ...staffActions,
  ...installmentActions,
  ...setupActions(loadCatalog),

  reconcile: {
    role: 'admin',
    input: z.strictObject({}),
    handle: async (_input, { stores, now }) => {
      const at = now();
      const today = dayOf(at.getTime());
      const report = await reconcileClosedDays(stores.track, at);
      return ok({
        entries: report.entries,
        corrected: report.drift.length,
        days: { from: showDay(addDays(today, -TIMER_LOOKBACK_DAYS)), to: showDay(addDays(today, -1)) },
      });
    },
  },
};
