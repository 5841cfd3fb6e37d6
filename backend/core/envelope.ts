import type { Envelope, ErrorCode, Failure, Success } from '../../typings/contract';

export const ok = <T>(data: T): Success<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, message: string): Failure => ({ ok: false, code, message });

/** The message of UNAVAILABLE: the store was busy, nothing was changed, the same request may be sent again. */
export const UNAVAILABLE_MESSAGE = '服务正忙，请稍后再试';

export type { Envelope };
