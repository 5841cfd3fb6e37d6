import { z } from 'zod';
import type { Attribution, TrackApi, TrackEvent } from '../../typings/contract';
import { MAX_BATCH } from '../../typings/contract';
import { shortId } from '../content/schema';

/** Client-made ids (eventId, anonId): long enough not to collide, short and plain enough to key records. */
export const EVENT_ID = /^[A-Za-z0-9_-]{8,40}$/;
/** Share ids go into QR-code scenes of 32 characters (`a=<8>&c=<…>&s=<id>`), so they stay short. */
export const SHARE_ID = /^[A-Za-z0-9_-]{6,10}$/;

export const eventId = z.string().regex(EVENT_ID, '须为 8–40 位字母、数字、下划线或连字符');
export const anonId = eventId;
export const shareId = z.string().regex(SHARE_ID, '须为 6–10 位字母、数字、下划线或连字符');

/** Lenient on what the link carried (`ch`, `s`: any short string, judged later), strict on shape and size. */
export const attribution = z.strictObject({
  scene: z.number().int().min(0).max(999_999).nullable(),
  chatType: z.number().int().min(0).max(99).nullable(),
  apiCategory: z.string().max(64).nullable(),
  ch: z.string().max(64).nullable(),
  s: z.string().max(64).nullable(),
}) satisfies z.ZodType<Attribution>;

const readFields = { eventId, articleId: shortId, attribution };
const progressFields = {
  eventId,
  articleId: shortId,
  readEventId: eventId,
  depth: z.number().min(0).max(1),
  dwellMs: z
    .number()
    .int()
    .min(0)
    .max(24 * 60 * 60 * 1000),
};
const shareFields = { eventId, articleId: shortId, shareId, target: z.enum(['chat', 'timeline', 'poster']) };

export const trackEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('read'), ...readFields }),
  z.strictObject({ type: z.literal('progress'), ...progressFields }),
  z.strictObject({ type: z.literal('share'), ...shareFields }),
]) satisfies z.ZodType<TrackEvent>;

const reader = { anonId: anonId.optional() };

export const inputs = {
  read: z.strictObject({ ...readFields, ...reader }),
  progress: z.strictObject({ ...progressFields, ...reader }),
  share: z.strictObject({ ...shareFields, ...reader }),
  batch: z.strictObject({ events: z.array(trackEvent).min(1).max(MAX_BATCH), ...reader }),
} satisfies { [A in keyof TrackApi]: z.ZodType<TrackApi[A]['input']> };
