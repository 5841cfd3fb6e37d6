import type { DocumentData, Query, WithId } from 'wx-server-sdk';

/** Most records one `get()` returns in a cloud function when no limit is given (the documented default). */
export const PAGE_SIZE = 100;
/** Most records one `get()` may ask for in a cloud function (the SDK refuses a larger `limit`). */
export const MAX_LIMIT = 1000;
/**
 * What one answer may carry: the platform refuses an answer over 1 MB (-602001, EXCEED_MAX_RESPONSE_SIZE); reads
 * that can be large are cut into requests planned to stay under this, with room for the envelope.
 */
export const ANSWER_BUDGET_BYTES = 800 * 1024;

/** Every record the query matches, one page after another until a page comes back short. */
export async function readAll<T extends DocumentData>(query: Query<T>, page = PAGE_SIZE): Promise<Array<WithId<T>>> {
  const all: Array<WithId<T>> = [];
  for (let skip = 0; ; skip += page) {
    const { data } = await query.skip(skip).limit(page).get();
    all.push(...data);
    if (data.length < page) return all;
  }
}

export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/**
 * Cuts `items` into groups whose estimated answer sizes add up to at most `budget` (an item over it goes alone),
 * and at most `max` items each.
 */
export function bySize<T>(
  items: readonly T[],
  size: (item: T) => number,
  budget = ANSWER_BUDGET_BYTES,
  max = PAGE_SIZE,
) {
  const groups: T[][] = [];
  let group: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (group.length > 0 && (bytes + n > budget || group.length >= max)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(item);
    bytes += n;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}
