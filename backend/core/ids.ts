import * as z from 'zod/mini';
import { ID_FORMATS } from '../../typings/contract';
import './zod';

export const SHORT_ID = new RegExp(ID_FORMATS.short);
export const EVENT_ID = new RegExp(ID_FORMATS.event);
export const SHARE_ID = new RegExp(ID_FORMATS.share);

/** Installment, article and block ids. */
export const shortId = z.string().check(z.regex(SHORT_ID, '须为 1–8 位小写字母、数字或连字符'));
/**
 * Event and share ids key fields of CloudBase documents (`ev.D<day>.<eventId>`); `__proto__`, which a JavaScript
 * object swallows as its prototype instead of keeping as a key, fits the formats and is refused here.
 */
const notProto = z.refine<string>((id) => id !== '__proto__', '不能是 __proto__');

/** Client-made ids: event ids and install ids. */
export const eventId = z.string().check(z.regex(EVENT_ID, '须为 8–40 位字母、数字、下划线或连字符'), notProto);
export const shareId = z.string().check(z.regex(SHARE_ID, '须为 6–10 位字母、数字、下划线或连字符'), notProto);
