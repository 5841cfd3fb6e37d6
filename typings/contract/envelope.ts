/**
 * Every cloud function answers with one of these two shapes. RATE_LIMITED, UNAVAILABLE (the database is busy with
 * another writer: send the same request again a little later) and INTERNAL may succeed when retried.
 */
export type ErrorCode = 'BAD_REQUEST' | 'NOT_FOUND' | 'FORBIDDEN' | 'RATE_LIMITED' | 'UNAVAILABLE' | 'INTERNAL';

export interface Success<T> {
  ok: true;
  data: T;
}

export interface Failure {
  ok: false;
  code: ErrorCode;
  /** Plain Chinese, safe to show to a reader. */
  message: string;
}

export type Envelope<T> = Success<T> | Failure;

/** What the app sends to a function: `userInfo` is added by WeChat itself and ignored. */
export interface CallEvent<A extends string = string, I = unknown> {
  action: A;
  input?: I;
}
