/**
 * Time limits in the cloud, each under the one that contains it, so that a stalled database request fails the
 * request and not the function: the reader still gets the text (see RECORDING_DEADLINE_MS in backend/track/record.ts).
 */

/** One database or storage request (`cloud.init({ timeout })`); the SDK's default of 15 s outlasts `content`. */
export const CLOUD_REQUEST_TIMEOUT_MS = 3000;

/**
 * Each function's timeout in seconds, as its config.json says (a test checks they agree):
 * - content: article.get is one read (≤ 3 s) plus recording bounded by 2.5 s; a cold start's content sync is a few
 *   more requests.
 * - track: a batch is at most 8 rounds of 3 requests on a reader that keeps changing; the daily timer archives and
 *   reconciles a week, page after page.
 * - stats: a 30-day figure reads every speech's counters of those days in pages; an export also writes a file.
 * - admin: a code is one call to WeChat and one upload; publishing writes an installment's records.
 */
export const FUNCTION_TIMEOUT_S = {
  content: 10,
  track: 60,
  stats: 20,
  admin: 20,
} as const;

/**
 * What a long run (the reconcile and archive of the daily timer, the admin's reconcile) may use of its function's
 * timeout, counted from its start: the last requests end, and the run reports, before the platform kills it.
 */
export const LONG_RUN_MARGIN_MS = 5000;
export const longRunBudgetMs = (fn: keyof typeof FUNCTION_TIMEOUT_S): number =>
  FUNCTION_TIMEOUT_S[fn] * 1000 - LONG_RUN_MARGIN_MS - CLOUD_REQUEST_TIMEOUT_MS;
