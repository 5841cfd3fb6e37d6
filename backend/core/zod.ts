import { config, type core, type ZodMiniType } from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.cjs';

/**
 * Schemas are written with `import * as z from 'zod/mini'` and import from here, which sets the Chinese messages
 * once. zod/mini and one locale keep each function's bundle small: the method-chaining API cannot be tree-shaken,
 * the locale index pulls in all 64 locales, and re-exporting the namespace from here would keep all of it.
 */
config(zhCN());

/** A schema, as the router takes them. */
export type Schema<T> = ZodMiniType<T>;

/** The first few issues of a failed parse, in plain Chinese with the field each names. */
export const describeIssues = (error: core.$ZodError, count = 3): string =>
  error.issues
    .slice(0, count)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}：${issue.message}` : issue.message))
    .join('；');
