import { loadCatalog } from '../content/catalog';
import { readingMinutes } from '../content/records';

let directory: Map<string, number> | null = null;

/**
 * The speeches that can be counted, with their reading time: taken from the curated catalog bundled into the
 * function, so checking an event costs no database request.
 */
export function trackedArticles(): ReadonlyMap<string, number> {
  directory ??= new Map(loadCatalog().flatMap((file) => file.articles.map((a) => [a.id, readingMinutes(a.blocks)])));
  return directory;
}
