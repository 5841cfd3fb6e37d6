import { loadCatalog } from '../../backend/content/catalog';
import { parseInstallmentFile } from '../../backend/content/schema';
import { syncInstallments } from '../../backend/content/sync';
import { openSqliteStores } from '../../backend/storage/sqlite';

const [esd01] = loadCatalog();
if (!esd01) throw new Error('catalog is empty');

describe('syncing curated content into the store', () => {
  test('writes a new installment once, then nothing until its file changes', async () => {
    const store = openSqliteStores(':memory:');
    expect(await syncInstallments(store, [esd01])).toEqual(['esd-01']);
    expect(await syncInstallments(store, [esd01])).toEqual([]);
    const edited = structuredClone(esd01);
    const [first] = edited.articles;
    if (!first) throw new Error('no article');
    first.title = '改过的标题';
    expect(await syncInstallments(store, [edited])).toEqual(['esd-01']);
    expect((await store.content.getArticle(first.id))?.title).toBe('改过的标题');
    await store.close();
  });

  test('refuses to publish an installment with undecided items', async () => {
    const store = openSqliteStores(':memory:');
    const pending = structuredClone(esd01);
    pending.review = [{ kind: 'orphan', key: 'o-abc', text: '一段话。', candidates: [], suggestion: null }];
    await expect(syncInstallments(store, [pending])).rejects.toThrow('待编辑决定');
    expect(await store.content.listInstallments()).toEqual([]);
    await store.close();
  });
});

describe('the curated file schema', () => {
  test('accepts the curated installment', () => {
    expect(esd01.articles).toHaveLength(6);
  });

  type Path = Array<string | number>;
  const setAt = (root: unknown, path: Path, value: unknown): void => {
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    (parent as Record<string | number, unknown>)[path[path.length - 1] as string | number] = value;
  };

  test.each<[string, Path, unknown]>([
    ['a missing title', ['title'], undefined],
    ['an id too long for a QR scene', ['articles', 0, 'id'], 'abcdefghij'],
    ['an unknown block kind', ['articles', 1, 'blocks', 0, 'kind'], 'quote'],
    ['a lead without its length', ['articles', 3, 'blocks', 2, 'leadLength'], undefined],
    ['two articles with one id', ['articles', 1, 'id'], esd01.articles[0]?.id],
    ['a date that is no date', ['publishedAt'], '11月9日'],
  ])('rejects %s, naming the field', (_label, path, value) => {
    const file = structuredClone(esd01);
    setAt(file, path, value);
    expect(() => parseInstallmentFile(file, 'x.json')).toThrow(`${path.join('.')}:`);
  });
});
