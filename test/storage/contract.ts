import type { ContentStore } from '../../backend/content/port';
import type { Stores } from '../../backend/core/stores';
import { articleId, installmentWith, type Saved } from './records';

export interface StoreHarness {
  stores: Stores;
  /** Writes a read count straight into the adapter's own counter table or collection. */
  setPv(articleId: string, pv: number): Promise<void>;
}

const save = (store: ContentStore, { installment, articles }: Saved) => store.saveInstallment(installment, articles);

/** The content port's behaviour, the same on every adapter. `open` gives fresh, empty stores each time. */
export function storeContract(open: () => Promise<StoreHarness>): void {
  let harness: StoreHarness;
  let store: ContentStore;

  beforeEach(async () => {
    harness = await open();
    store = harness.stores.content;
  });

  afterEach(async () => {
    await harness.stores.close();
  });

  describe('saveInstallment / getInstallment / getArticle', () => {
    it('reads back exactly what was saved', async () => {
      const first = installmentWith('i1', 1, 3);
      await save(store, first);

      expect(await store.getInstallment('i1')).toEqual(first.installment);
      for (const article of first.articles) expect(await store.getArticle(article.id)).toEqual(article);
    });

    it('returns null for ids it does not hold', async () => {
      await save(store, installmentWith('i1', 1, 1));

      expect(await store.getInstallment('nope')).toBeNull();
      expect(await store.getArticle('nope')).toBeNull();
    });

    it('replaces the content on a re-save and drops articles the new version no longer has', async () => {
      await save(store, installmentWith('i1', 1, 3, 'r1'));
      const second = installmentWith('i1', 1, 2, 'r2');
      second.installment.title = '第1期（修订）';

      await save(store, second);

      expect(await store.getInstallment('i1')).toEqual(second.installment);
      expect(await store.getArticle(articleId('i1', 1))).toEqual(second.articles[0]);
      expect(await store.getArticle(articleId('i1', 3))).toBeNull();
      expect((await store.listArticles()).map((a) => a.id)).toEqual(second.articles.map((a) => a.id));
    });

    it('leaves other installments and their articles alone', async () => {
      const other = installmentWith('i2', 2, 2);
      await save(store, other);
      await save(store, installmentWith('i1', 1, 2, 'r1'));
      await save(store, installmentWith('i1', 1, 1, 'r2'));

      expect(await store.getInstallment('i2')).toEqual(other.installment);
      for (const article of other.articles) expect(await store.getArticle(article.id)).toEqual(article);
    });

    it('keeps a stored publishedAt: a re-save neither clears nor changes it', async () => {
      const dated = installmentWith('i1', 1, 1, 'r1');
      dated.installment.publishedAt = '2022-11-01';
      await save(store, dated);

      await save(store, installmentWith('i1', 1, 1, 'r2'));
      expect((await store.getInstallment('i1'))?.publishedAt).toBe('2022-11-01');

      const redated = installmentWith('i1', 1, 1, 'r3');
      redated.installment.publishedAt = '2023-01-01';
      await save(store, redated);
      const stored = await store.getInstallment('i1');
      expect(stored?.publishedAt).toBe('2022-11-01');
      expect(stored?.revision).toBe('r3');
    });

    it('takes the publishedAt from the content while none is stored', async () => {
      await save(store, installmentWith('i1', 1, 1, 'r1'));
      const dated = installmentWith('i1', 1, 1, 'r2');
      dated.installment.publishedAt = '2022-11-08';

      await save(store, dated);

      expect((await store.getInstallment('i1'))?.publishedAt).toBe('2022-11-08');
    });

    it('shares no objects with the caller', async () => {
      const first = installmentWith('i1', 1, 1);
      await save(store, first);
      const expected = structuredClone(first);

      first.installment.title = 'changed after save';
      const read = await store.getInstallment('i1');
      if (read === null) throw new Error('installment missing');
      read.articles.length = 0;

      expect(await store.getInstallment('i1')).toEqual(expected.installment);
    });
  });

  describe('installmentRevisions', () => {
    it('maps every stored installment id to its revision', async () => {
      expect(await store.installmentRevisions()).toEqual(new Map());

      await save(store, installmentWith('i1', 1, 1, 'a'));
      await save(store, installmentWith('i2', 2, 1, 'b'));
      await save(store, installmentWith('i1', 1, 1, 'c'));

      expect(await store.installmentRevisions()).toEqual(
        new Map([
          ['i1', 'c'],
          ['i2', 'b'],
        ]),
      );
    });
  });

  describe('listInstallments', () => {
    it('lists newest first by number, whatever the save order', async () => {
      expect(await store.listInstallments()).toEqual([]);
      const saved = [installmentWith('i2', 2, 1), installmentWith('i3', 3, 2), installmentWith('i1', 1, 1)];
      for (const s of saved) await save(store, s);

      const listed = await store.listInstallments();

      expect(listed.map((i) => i.number)).toEqual([3, 2, 1]);
      expect(listed[0]).toEqual(saved[1]?.installment);
    });
  });

  describe('listArticles', () => {
    it('lists every article by installment number, then position, past 100 articles', async () => {
      // Ids sort against the wanted order (z is number 1; positions run opposite to article ids), and the
      // installments and articles are saved out of order, so only number and position can produce it.
      const renumbered = (id: string, number: number) => {
        const s = installmentWith(id, number, 45);
        return s.articles.map((a) => ({ ...a, position: 46 - a.position }));
      };
      for (const [id, number] of [
        ['y', 2],
        ['x', 3],
        ['z', 1],
      ] as const) {
        await store.saveInstallment(installmentWith(id, number, 45).installment, renumbered(id, number));
      }

      const listed = await store.listArticles();

      const expected = ['z', 'y', 'x'].flatMap((id) => Array.from({ length: 45 }, (_, i) => articleId(id, 45 - i)));
      expect(listed).toHaveLength(135);
      expect(listed.map((a) => a.id)).toEqual(expected);
      expect(listed[45]).toEqual(renumbered('y', 2).find((a) => a.position === 1));
    });

    it('is empty for an empty store', async () => {
      expect(await store.listArticles()).toEqual([]);
    });
  });

  describe('readCounts', () => {
    it('gives the stored pv, and 0 for ids never read, for more than 100 ids', async () => {
      // Nearly every id has a counter, so a reader that fetched more than 100 at once would lose some.
      const ids = Array.from({ length: 230 }, (_, i) => `x${i}`);
      const pvOf = (i: number) => (i % 10 === 0 ? 0 : i + 1);
      for (const [i, id] of ids.entries()) if (pvOf(i) > 0) await harness.setPv(id, pvOf(i));

      const counts = await harness.stores.track.readCounts([...ids, 'unknown']);

      expect(counts).toEqual(new Map([...ids.map((id, i): [string, number] => [id, pvOf(i)]), ['unknown', 0]]));
    });

    it('answers each id once when asked twice, and nothing when asked nothing', async () => {
      await harness.setPv('a', 5);

      expect(await harness.stores.track.readCounts(['a', 'a', 'b'])).toEqual(
        new Map([
          ['a', 5],
          ['b', 0],
        ]),
      );
      expect(await harness.stores.track.readCounts([])).toEqual(new Map());
    });
  });

  describe('close', () => {
    it('resolves, and may be called again', async () => {
      await expect(harness.stores.close()).resolves.toBeUndefined();
    });
  });
}
