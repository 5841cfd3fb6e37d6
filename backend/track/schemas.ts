import type { Attribution, TrackApi, TrackEvent } from '../../typings/contract';
import { MAX_BATCH } from '../../typings/contract';
import { eventId, shareId, shortId } from '../core/ids';
import { z } from '../core/zod';

export const anonId = eventId;

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
