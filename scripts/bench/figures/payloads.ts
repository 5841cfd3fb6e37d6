/** Figure 1: answers as the functions send them (JSON of the envelope). */
import { openSqliteStores } from '../../../backend/storage/sqlite';
import type { Figure } from '../budget';
import { callerOver, sentBytes, speechesOf } from '../harness';

const INSTALLMENT_MAX_BYTES = 6 * 1024;
/** An article's answer may carry its text and at most 30 % more (ids, kinds, header, refs). */
const ARTICLE_MAX_RATIO = 1.3;

export async function payloads(): Promise<Figure[]> {
  const stores = openSqliteStores(':memory:');
  try {
    const { call } = await callerOver(stores);
    const speeches = speechesOf();
    const longest = speeches.reduce((a, b) => (b.textBytes > a.textBytes ? b : a));
    const installment = sentBytes(await call('content', 'installment.get', { id: longest.installmentId }, 'o-r'));
    const article = sentBytes(await call('content', 'article.get', { id: longest.id }, 'o-r'));
    return [
      {
        group: 1,
        name: `installment.get ${longest.installmentId}`,
        value: installment / 1024,
        unit: 'KB',
        budget: { max: INSTALLMENT_MAX_BYTES / 1024 },
      },
      {
        group: 1,
        name: `article.get longest speech ${longest.id} / its text (${(longest.textBytes / 1024).toFixed(1)} KB)`,
        value: article / longest.textBytes,
        unit: '×',
        budget: { max: ARTICLE_MAX_RATIO },
      },
    ];
  } finally {
    await stores.close();
  }
}
