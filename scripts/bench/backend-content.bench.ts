import { contentActions } from '../../backend/content/handlers';
import { dispatch } from '../../backend/core/router';
import { contentStore, contextFor } from '../../test/support/content-store';
import { median, report, timeRuns } from './measure';

const RUNS = 300;
/** Validation and the envelope may cost a little over the bare store read, not a multiple of it. */
const MAX_OVERHEAD_RATIO = 3;

test('content handlers against the bare store reads they make (SQLite)', async () => {
  const { stores } = await contentStore();
  const ctx = contextFor(stores);
  const store = stores.content;
  const counts = stores.track;
  const id = (await store.getInstallment('esd-01'))?.articles[4]?.id as string;
  const cases = [
    {
      name: 'article.get',
      baseline: () => Promise.all([store.getArticle(id), counts.readCounts([id])]),
      handler: () => dispatch(contentActions, { action: 'article.get', input: { id } }, ctx),
    },
    {
      name: 'installment.get',
      baseline: async () => {
        const r = await store.getInstallment('esd-01');
        return counts.readCounts(r?.articles.map((a) => a.id) ?? []);
      },
      handler: () => dispatch(contentActions, { action: 'installment.get', input: { id: 'esd-01' } }, ctx),
    },
    {
      name: 'search',
      baseline: () => store.listArticles(),
      handler: () => dispatch(contentActions, { action: 'search', input: { q: '融合' } }, ctx),
    },
  ];
  const rows = [];
  for (const c of cases) {
    await timeRuns(20, c.handler);
    const base = median(await timeRuns(RUNS, c.baseline));
    const handled = median(await timeRuns(RUNS, c.handler));
    rows.push({
      action: c.name,
      'baseline ms': base.toFixed(3),
      'handler ms': handled.toFixed(3),
      ratio: (handled / base).toFixed(2),
    });
  }
  report(`content handlers, median of ${RUNS}`, rows);
  for (const row of rows) expect(Number(row.ratio)).toBeLessThan(MAX_OVERHEAD_RATIO);
  await stores.close();
});
