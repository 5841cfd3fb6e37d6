import { PlatformError } from './wire';

/**
 * The platform's limits on one database request from a cloud function, as the endpoint enforces them.
 * Tests may lower them (a smaller answer limit makes a cheaper test of the same rule).
 */
export interface Limits {
  /** Bytes of one serialized answer; a larger one fails with EXCEED_MAX_RESPONSE_SIZE. */
  maxResponseBytes: number;
  /** BSON bytes of one record; a write that would store a larger one is refused. */
  maxRecordBytes: number;
  /** Records one `get` returns when the request names no limit. */
  defaultLimit: number;
  /** Most records one `get` returns, whatever limit it names. */
  maxLimit: number;
}

/**
 * 1 MB answers, MongoDB's 16 MB documents, and the cloud function's 100 by default / 1000 at most records per get.
 * (@cloudbase/database already sends `limit: 100` when none is set and caps a larger one at 1000 before sending,
 * so the server-side cap only shows to a raw request.)
 */
export const PLATFORM_LIMITS: Readonly<Limits> = {
  maxResponseBytes: 1024 * 1024,
  maxRecordBytes: 16 * 1024 * 1024,
  defaultLimit: 100,
  maxLimit: 1000,
};

/** The number of records a `get` returns at most. */
export const pageSize = (limits: Limits, asked: number | undefined): number =>
  Math.min(asked !== undefined && asked > 0 ? asked : limits.defaultLimit, limits.maxLimit);

/**
 * The platform's refusal of an answer over the limit, or null. wx-server-sdk 4.0.2 knows no errCode for
 * EXCEED_MAX_RESPONSE_SIZE and reports SYS_ERR (-501001), so the code is repeated in the message for callers to test.
 */
export function answerTooLarge(limits: Limits, reply: string): PlatformError | null {
  const size = Buffer.byteLength(reply);
  if (size <= limits.maxResponseBytes) return null;
  return new PlatformError(
    'EXCEED_MAX_RESPONSE_SIZE',
    `EXCEED_MAX_RESPONSE_SIZE (-602001): database query result size exceed limit, ` +
      `the answer is ${size} bytes, at most ${limits.maxResponseBytes}`,
  );
}
