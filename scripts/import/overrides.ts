import { shortId } from '../../backend/core/ids';
import { z } from '../../backend/core/zod';

/**
 * An editor's decisions, kept next to the raw text (`<raw>.overrides.json`), so that
 * re-running the import reproduces the curated installment.
 */
export const overridesSchema = z.strictObject({
  installment: z.strictObject({ id: shortId, number: z.number().int().positive().optional() }).optional(),
  /** Orphan key (from the review report) → where the paragraph goes: an article id, "note", or "drop". */
  assign: z
    .record(z.string().regex(/^o-[a-z0-9]+$/), z.strictObject({ to: z.string().min(1), why: z.string().optional() }))
    .optional(),
});

export type Overrides = z.infer<typeof overridesSchema>;

export function parseOverrides(data: unknown, source: string): Overrides {
  const result = overridesSchema.safeParse(data);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new Error(`${source} 不合格：${first ? `${first.path.join('.') || '(根)'}: ${first.message}` : ''}`);
}
