import * as z from 'zod/mini';
import { shortId } from '../../backend/core/ids';
import '../../backend/core/zod';

/**
 * An editor's decisions, kept next to the raw text (`<raw>.overrides.json`), so that
 * re-running the import reproduces the curated installment.
 */
export const overridesSchema = z.strictObject({
  installment: z.optional(z.strictObject({ id: shortId, number: z.optional(z.int().check(z.positive())) })),
  /** Orphan key (from the review report) → where the paragraph goes: an article id, "note", or "drop". */
  assign: z.optional(
    z.record(
      z.string().check(z.regex(/^o-[a-z0-9]+$/)),
      z.strictObject({ to: z.string().check(z.minLength(1)), why: z.optional(z.string()) }),
    ),
  ),
});

export type Overrides = z.infer<typeof overridesSchema>;

export function parseOverrides(data: unknown, source: string): Overrides {
  const result = z.safeParse(overridesSchema, data);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new Error(`${source} 不合格：${first ? `${first.path.join('.') || '(根)'}: ${first.message}` : ''}`);
}
