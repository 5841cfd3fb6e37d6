import type { ArticleRecord, InstallmentRecord } from '../../backend/content/port';

export interface Saved {
  installment: InstallmentRecord;
  articles: ArticleRecord[];
}

export const articleId = (installmentId: string, position: number): string =>
  `${installmentId}-${String(position).padStart(2, '0')}`;

/** A small installment `id` numbered `number` with `count` articles at positions 1..count, linked prev/next. */
export function installmentWith(id: string, number: number, count: number, revision = 'r1'): Saved {
  const head = { id, title: `第${number}期`, subtitle: `学习贯彻（${number}）`, publishedAt: null };
  const refs = Array.from({ length: count }, (_, i) => ({ id: articleId(id, i + 1), title: `文章 ${id}/${i + 1}` }));
  const articles = refs.map(
    (ref, i): ArticleRecord => ({
      id: ref.id,
      installmentId: id,
      position: i + 1,
      online: true,
      title: ref.title,
      speaker: { name: `发言人${i + 1}`, positions: ['区委常委', '宣传部部长'] },
      blocks: [
        { id: 'b1', kind: 'lead', text: '一是提高站位。要全面学习。', leadLength: 7 },
        { id: 'b2', kind: 'paragraph', text: `正文 ${revision}`, cut: true },
      ],
      readingMinutes: 1 + (i % 3),
      truncated: i === 0,
      installment: head,
      prev: refs[i - 1] ?? null,
      next: refs[i + 1] ?? null,
    }),
  );
  const installment: InstallmentRecord = {
    ...head,
    number,
    publishedAt: null,
    editorsNote:
      number % 2 === 1 ? { title: '编者按', blocks: [{ id: 'n1', kind: 'paragraph', text: '编者按正文' }] } : null,
    articles: articles.map((a) => ({
      id: a.id,
      title: a.title,
      speaker: a.speaker,
      excerpt: `${a.title} 摘要`,
      readingMinutes: a.readingMinutes,
      truncated: a.truncated,
    })),
    revision,
    online: true,
  };
  return { installment, articles };
}
