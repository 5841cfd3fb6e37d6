import { contentActions } from '../../backend/content/handlers';
import { dispatch } from '../../backend/core/router';
import type { Stores } from '../../backend/core/stores';
import type { ArticleView, Envelope, InstallmentView, SearchResult } from '../../typings/contract';
import { contentStore, contextFor } from '../support/content-store';

let store: Stores;
let setReadCount: (id: string, pv: number) => void;
const call = async <T>(action: string, input?: unknown): Promise<Envelope<T>> =>
  (await dispatch(contentActions, { action, input }, contextFor(store))) as Envelope<T>;
const data = async <T>(action: string, input?: unknown): Promise<T> => {
  const res = await call<T>(action, input);
  if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
  return res.data;
};

beforeEach(async () => {
  ({ stores: store, setReadCount } = await contentStore());
});
afterEach(() => store.close());

describe('installment.list and installment.get', () => {
  test('lists installment (一) with its six speeches, no date set yet', async () => {
    const { items } = await data<{ items: unknown[] }>('installment.list');
    expect(items).toEqual([expect.objectContaining({ id: 'esd-01', number: 1, articleCount: 6, publishedAt: null })]);
  });

  test('gives the header, the editor’s note and six summaries without bodies', async () => {
    const view = await data<InstallmentView>('installment.get', { id: 'esd-01' });
    expect(view.title).toBe('深入学习领会党的二十大精神');
    expect(view.editorsNote?.blocks[0]?.text).toMatch(/^11月9日/);
    expect(view.articles).toHaveLength(6);
    const first = view.articles[0];
    expect(first).toEqual({
      id: expect.any(String),
      title: '潮起东方万象新 勇担使命再出发',
      speaker: { name: '李子未', positions: ['市委网信办主任'] },
      excerpt: expect.stringMatching(/^思想之旗领航向，人间正道开新篇。.*…$/),
      readingMinutes: expect.any(Number),
      readCount: 0,
      truncated: false,
    });
    expect(first?.excerpt.length).toBe(61);
    expect(view.articles.map((a) => a.truncated)).toEqual([false, true, true, true, false, false]);
    // No bodies: a sentence from deep inside a speech is not in the payload.
    expect(JSON.stringify(view)).not.toContain('斗争精神贯穿革命、建设、改革全过程');
    expect(JSON.stringify(view).length).toBeLessThan(6000);
  });

  test('shows the read counts the store holds, 0 for speeches never read', async () => {
    const before = await data<InstallmentView>('installment.get', { id: 'esd-01' });
    const [a, b] = before.articles;
    setReadCount(a?.id as string, 12345);
    const after = await data<InstallmentView>('installment.get', { id: 'esd-01' });
    expect(after.articles[0]?.readCount).toBe(12345);
    expect(after.articles[1]?.id).toBe(b?.id);
    expect(after.articles[1]?.readCount).toBe(0);
  });

  test('answers NOT_FOUND for an installment that does not exist', async () => {
    expect(await call('installment.get', { id: 'nope' })).toEqual({
      ok: false,
      code: 'NOT_FOUND',
      message: expect.any(String),
    });
  });
});

describe('article.get', () => {
  test('gives the whole speech with its neighbours, installment and read count', async () => {
    const list = await data<InstallmentView>('installment.get', { id: 'esd-01' });
    const ids = list.articles.map((a) => a.id);
    setReadCount(ids[1] as string, 7);
    const article = await data<ArticleView>('article.get', { id: ids[1] });
    expect(article.title).toBe('发扬斗争精神 开创事业发展新天地');
    expect(article.blocks.map((b) => b.kind)).toEqual(['paragraph', 'heading', 'paragraph', 'paragraph', 'paragraph']);
    expect(article.truncated).toBe(true);
    expect(article.readCount).toBe(7);
    expect(article.installment).toEqual({
      id: 'esd-01',
      title: list.title,
      subtitle: list.subtitle,
      publishedAt: null,
    });
    expect(article.prev).toEqual({ id: ids[0], title: list.articles[0]?.title });
    expect(article.next).toEqual({ id: ids[2], title: list.articles[2]?.title });
    const last = await data<ArticleView>('article.get', { id: ids[5] });
    expect(last.next).toBeNull();
    expect(last.prev?.id).toBe(ids[4]);
  });

  test('answers NOT_FOUND for an unknown article', async () => {
    expect(await call('article.get', { id: 'zzzzzz' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  });
});

describe('search', () => {
  test('finds a word rejoined across a column break, with offsets that point at it', async () => {
    const { hits } = await data<SearchResult>('search', { q: '科普' });
    expect(hits).toHaveLength(1);
    const [hit] = hits;
    expect(hit).toMatchObject({ field: 'body', speakerName: '石永杰', blockId: expect.any(String) });
    for (const [start, end] of hit?.matches ?? []) expect(hit?.snippet.slice(start, end)).toBe('科普');
  });

  test('matches titles and speakers, and trims the query', async () => {
    const byTitle = await data<SearchResult>('search', { q: '  斗争精神 ' });
    expect(byTitle.q).toBe('斗争精神');
    expect(byTitle.hits[0]).toMatchObject({
      field: 'title',
      title: '发扬斗争精神 开创事业发展新天地',
      matches: [[2, 6]],
    });
    const bySpeaker = await data<SearchResult>('search', { q: '闫晓玲' });
    expect(bySpeaker.hits).toEqual([expect.objectContaining({ field: 'speaker' })]);
  });

  test('returns at most 20 hits', async () => {
    const { hits } = await data<SearchResult>('search', { q: '党' });
    expect(hits).toHaveLength(20);
  });

  test.each([
    ['empty', ''],
    ['only spaces', '   '],
    ['31 characters', '党'.repeat(31)],
    ['a number', 5],
  ])('refuses a query that is %s', async (_label, q) => {
    expect(await call('search', { q })).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
  });
});
