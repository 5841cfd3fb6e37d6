import type { Envelope, ErrorCode, Failure, Success } from '../../typings/contract';

export const ok = <T>(data: T): Success<T> => ({ ok: true, data });

export const fail = (code: ErrorCode, message: string): Failure => ({ ok: false, code, message });

export type { Envelope };
