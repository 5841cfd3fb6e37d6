/** The cloud function runtime: `node:` imports and `process.setSourceMapsEnabled` need Node 16.13 or newer. */
export const RUNTIME = 'Nodejs16.13';

/**
 * 云函数安全规则 (the environment's function invocation rule): callers WeChat did not log in — 朋友圈 single-page
 * readers, once 未登录访问 is on — may call content and track only; staff functions need a logged-in caller (and
 * then answer FORBIDDEN to anyone who is not staff).
 */
export const INVOKE_RULE = {
  '*': { invoke: 'auth != null' },
  content: { invoke: true },
  track: { invoke: true },
} as const;

/**
 * Which functions need which environment variables. content and track read ADMIN_OPENIDS too: the administrators
 * it names are counted as staff when they open a speech, without a lookup.
 */
export const FUNCTION_ENV = {
  content: ['READER_HASH_SECRET', 'ADMIN_OPENIDS'],
  track: ['READER_HASH_SECRET', 'ADMIN_OPENIDS'],
  stats: ['READER_HASH_SECRET', 'ADMIN_OPENIDS'],
  admin: ['READER_HASH_SECRET', 'ADMIN_OPENIDS'],
} as const;
