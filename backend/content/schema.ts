import * as z from 'zod/mini';
import type { Block, EditorsNote, Speaker } from '../../typings/contract';
import { shortId } from '../core/ids';
import type { Schema } from '../core/zod';

const text = z.string().check(z.trim(), z.minLength(1, '不能为空'));

export const blockSchema = z
  .strictObject({
    id: shortId,
    kind: z.enum(['heading', 'lead', 'paragraph']),
    text,
    leadLength: z.optional(z.int().check(z.positive())),
    cut: z.optional(z.literal(true)),
  })
  .check(
    z.refine((b) => (b.kind === 'lead') === (b.leadLength !== undefined), {
      message: 'lead 段落必须给出 leadLength，其他段落不能有',
      path: ['leadLength'],
    }),
    z.refine((b) => b.leadLength === undefined || b.leadLength < b.text.length, {
      message: 'leadLength 超出了段落长度',
      path: ['leadLength'],
    }),
  ) satisfies Schema<Block>;

export const speakerSchema = z.strictObject({
  name: text,
  positions: z.array(text).check(z.minLength(1)),
}) satisfies Schema<Speaker>;

export const editorsNoteSchema = z.strictObject({
  title: text,
  blocks: z.array(blockSchema).check(z.minLength(1)),
}) satisfies Schema<EditorsNote>;

export const articleSourceSchema = z.strictObject({
  id: shortId,
  title: text,
  speaker: speakerSchema,
  blocks: z.array(blockSchema).check(z.minLength(1)),
  truncated: z.boolean(),
});

/** Something the importer could not decide; an editor settles it in the overrides file. */
export const reviewItemSchema = z.strictObject({
  kind: z.literal('orphan'),
  key: z.string().check(z.minLength(1)),
  text,
  candidates: z.array(z.string()),
  suggestion: z.nullable(z.strictObject({ articleId: z.string(), reason: z.string() })),
});

/** A curated installment file: `content/installments/<id>.json`. */
export const installmentFileSchema = z
  .strictObject({
    id: shortId,
    number: z.int().check(z.positive()),
    title: text,
    subtitle: z.string(),
    publishedAt: z.nullable(z.iso.date()),
    editorsNote: z.nullable(editorsNoteSchema),
    articles: z.array(articleSourceSchema).check(z.minLength(1)),
    review: z.array(reviewItemSchema),
  })
  .check(
    z.superRefine((file, ctx) => {
      const seen = new Set<string>();
      file.articles.forEach((article, i) => {
        if (seen.has(article.id)) {
          ctx.addIssue({ code: 'custom', message: `文章 id 重复：${article.id}`, path: ['articles', i, 'id'] });
        }
        seen.add(article.id);
        const blockIds = new Set<string>();
        article.blocks.forEach((block, j) => {
          if (blockIds.has(block.id)) {
            ctx.addIssue({
              code: 'custom',
              message: `段落 id 重复：${block.id}`,
              path: ['articles', i, 'blocks', j, 'id'],
            });
          }
          blockIds.add(block.id);
        });
      });
    }),
  );

export type InstallmentFile = z.infer<typeof installmentFileSchema>;
export type ArticleSource = z.infer<typeof articleSourceSchema>;
export type ReviewItem = z.infer<typeof reviewItemSchema>;

/** Parses a curated file; the error names the field that is wrong. */
export function parseInstallmentFile(data: unknown, source = '内容文件'): InstallmentFile {
  const result = z.safeParse(installmentFileSchema, data);
  if (result.success) return result.data;
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(根)'}: ${issue.message}`);
  throw new Error(`${source} 不合格：\n  ${issues.join('\n  ')}`);
}
