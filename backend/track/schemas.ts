import * as z from 'zod/mini';
import type { Attribution, TrackApi, TrackEvent } from '../../typings/contract';
import { MAX_BATCH } from '../../typings/contract';
import { eventId, shareId, shortId } from '../core/ids';
import type { Schema } from '../core/zod';

export const anonId = eventId;

const intIn = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const shortText = z.string().check(z.maxLength(64));

/** Lenient on what the link carried (`ch`, `s`: any short string, judged later), strict on shape and size. */
export const attribution = z.strictObject({
  scene: z.nullable(intIn(0, 999_999)),
  chatType: z.nullable(intIn(0, 99)),
  apiCategory: z.nullable(shortText),
  ch: z.nullable(shortText),
  s: z.nullable(shortText),
}) satisfies Schema<Attribution>;

const readFields = { eventId, articleId: shortId, attribution };
const progressFields = {
  eventId,
  articleId: shortId,
  readEventId: eventId,
  depth: z.number().check(z.minimum(0), z.maximum(1)),
  dwellMs: intIn(0, 24 * 60 * 60 * 1000),
};
const shareFields = { eventId, articleId: shortId, shareId, target: z.enum(['chat', 'timeline', 'poster']) };

export const trackEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('read'), ...readFields }),
  z.strictObject({ type: z.literal('progress'), ...progressFields }),
  z.strictObject({ type: z.literal('share'), ...shareFields }),
]) satisfies Schema<TrackEvent>;

const reader = { anonId: z.optional(anonId) };

export const inputs = {
  read: z.strictObject({ ...readFields, ...reader }),
  progress: z.strictObject({ ...progressFields, ...reader }),
  share: z.strictObject({ ...shareFields, ...reader }),
  batch: z.strictObject({ events: z.array(trackEvent).check(z.minLength(1), z.maxLength(MAX_BATCH)), ...reader }),
} satisfies { [A in keyof TrackApi]: Schema<TrackApi[A]['input']> };
