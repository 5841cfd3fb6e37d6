import type { Stores } from '../core/stores';
import { toRecords } from './records';
import type { InstallmentFile } from './schema';

/**
 * Puts a curated installment in the store: its speeches become countable first (so a reader who sees one is
 * counted), then the content is written, last of all the installment with its revision. A speech the new
 * revision drops is no longer counted; its counts are kept. Counts are never touched.
 */
export async function publishInstallment(
  stores: Pick<Stores, 'content' | 'track'>,
  file: InstallmentFile,
  revision: string,
  { keepOffline = false }: { keepOffline?: boolean } = {},
): Promise<void> {
  const records = toRecords(file, revision);
  const before = await stores.content.getInstallment(file.id);
  // A new revision of an installment staff took offline stays offline when it only comes with a deploy.
  const online = !(keepOffline && before !== null && !before.online);
  const installment = { ...records.installment, online };
  const articles = records.articles.map((a) => ({ ...a, online }));
  const kept = new Set(articles.map((a) => a.id));
  const dropped = (before?.articles ?? []).filter((a) => !kept.has(a.id));
  await stores.track.setCountable(
    articles.map((a) => ({ id: a.id, readingMinutes: a.readingMinutes })),
    online,
  );
  if (dropped.length > 0) await stores.track.setCountable(dropped, false);
  await stores.content.saveInstallment(installment, articles);
}
