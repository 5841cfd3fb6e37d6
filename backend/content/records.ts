import type { Block } from '../../typings/contract';
import type { ArticleRecord, InstallmentRecord, StoredSummary } from './port';
import type { ArticleSource, InstallmentFile } from './schema';

/** Chinese prose at an unhurried pace; older readers are the audience. */
const CHARS_PER_MINUTE = 400;
const EXCERPT_LENGTH = 60;

const bodyLength = (blocks: Block[]): number => blocks.reduce((n, b) => n + b.text.length, 0);

export const readingMinutes = (blocks: Block[]): number =>
  Math.max(1, Math.round(bodyLength(blocks) / CHARS_PER_MINUTE));

export function excerpt(blocks: Block[]): string {
  const first = blocks.find((b) => b.kind !== 'heading') ?? blocks[0];
  const text = first?.text ?? '';
  return text.length <= EXCERPT_LENGTH ? text : `${text.slice(0, EXCERPT_LENGTH)}…`;
}

const summarize = (a: ArticleSource): StoredSummary => ({
  id: a.id,
  title: a.title,
  speaker: a.speaker,
  excerpt: excerpt(a.blocks),
  readingMinutes: readingMinutes(a.blocks),
  truncated: a.truncated,
});

/**
 * Splits a curated file into what the store keeps: one installment record carrying the
 * summaries (so the home page costs one read) and one record per article carrying its
 * neighbours (so an article costs one read).
 */
export function toRecords(
  file: InstallmentFile,
  revision: string,
): { installment: InstallmentRecord; articles: ArticleRecord[] } {
  const header = { id: file.id, title: file.title, subtitle: file.subtitle, publishedAt: file.publishedAt };
  const installment: InstallmentRecord = {
    ...header,
    number: file.number,
    publishedAt: file.publishedAt,
    editorsNote: file.editorsNote,
    articles: file.articles.map(summarize),
    revision,
    online: true,
  };
  const ref = (a: ArticleSource | undefined) => (a ? { id: a.id, title: a.title } : null);
  const articles = file.articles.map(
    (a, position): ArticleRecord => ({
      id: a.id,
      installmentId: file.id,
      position,
      online: true,
      title: a.title,
      speaker: a.speaker,
      blocks: a.blocks,
      readingMinutes: readingMinutes(a.blocks),
      truncated: a.truncated,
      installment: header,
      prev: ref(file.articles[position - 1]),
      next: ref(file.articles[position + 1]),
    }),
  );
  return { installment, articles };
}
