/**
 * Carried over from the first bench: content handlers (validation, envelope, dispatch) against the bare store reads
 * they make, on SQLite, as a ratio in the same run. Validation and the envelope may cost a little, not a multiple.
 */
import { contentActions } from '../../../backend/content/handlers';
import { dispatch } from '../../../backend/core/router';
import { contentStore, contextFor } from '../../../test/support/content-store';
import type { Figure } from '../budget';
import { median, timeRuns } from '../measure';

const RUNS = 300;
const MAX_OVERHEAD_RATIO = 3;

export async function handlerOverhead(): Promise<Figure[]> {
  const { stores } = await contentStore();
  try {
    const ctx = contextFor(stores);
    const store = stores.content;
    const counts = stores.track;
    const id = (await store.getInstallment('esd-01'))?.articles[4]?.id as string;
    const cases: Array<[string, () => Promise<unknown>, () => Promise<unknown>]> = [
      [
        'article.get',
        () => Promise.all([store.getArticle(id), counts.readCounts([id])]),
        () => dispatch(contentActions, { action: 'article.get', input: { id } }, ctx),
      ],
      [
        'installment.get',
        async () => counts.readCounts((await store.getInstallment('esd-01'))?.articles.map((a) => a.id) ?? []),
        () => dispatch(contentActions, { action: 'installment.get', input: { id: 'esd-01' } }, ctx),
      ],
      [
        'search',
        () => store.listArticles(),
        () => dispatch(contentActions, { action: 'search', input: { q: '融合' } }, ctx),
      ],
    ];
    const figures: Figure[] = [];
    for (const [name, baseline, handler] of cases) {
      await timeRuns(20, handler);
      const base = median(await timeRuns(RUNS, baseline));
      const handled = median(await timeRuns(RUNS, handler));
      figures.push({
        group: 0,
        name: `content ${name} handler ÷ its bare store reads`,
        value: handled / base,
        unit: '×',
        budget: { max: MAX_OVERHEAD_RATIO },
      });
    }
    return figures;
  } finally {
    await stores.close();
  }
}
