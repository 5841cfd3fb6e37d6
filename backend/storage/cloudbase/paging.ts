import type { DocumentData, Query, WithId } from 'wx-server-sdk';

/** Most records one `get()` returns in a cloud function (the documented default and cap). */
export const PAGE_SIZE = 100;

/** Every record the query matches, one page after another until a page comes back short. */
export async function readAll<T extends DocumentData>(query: Query<T>): Promise<Array<WithId<T>>> {
  const all: Array<WithId<T>> = [];
  for (let skip = 0; ; skip += PAGE_SIZE) {
    const { data } = await query.skip(skip).limit(PAGE_SIZE).get();
    all.push(...data);
    if (data.length < PAGE_SIZE) return all;
  }
}

export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};
