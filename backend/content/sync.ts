import { createHash } from 'node:crypto';
import type { Stores } from '../core/stores';
import { publishInstallment } from './publish';
import type { InstallmentFile } from './schema';

export const revisionOf = (file: InstallmentFile): string =>
  createHash('sha256').update(JSON.stringify(file)).digest('hex').slice(0, 16);

/**
 * Brings the store's content up to the curated files: an installment is written when it is
 * missing or its file changed. Read counts and staff-set dates are left alone.
 * Returns the ids written.
 */
export async function syncInstallments(
  stores: Pick<Stores, 'content' | 'track'>,
  files: InstallmentFile[],
): Promise<string[]> {
  const stored = await stores.content.installmentRevisions();
  const written: string[] = [];
  for (const file of files) {
    if (file.review.length > 0) throw new Error(`${file.id} 还有 ${file.review.length} 处待编辑决定，不能上线`);
    const revision = revisionOf(file);
    if (stored.get(file.id) === revision) continue;
    await publishInstallment(stores, file, revision, { keepOffline: true });
    written.push(file.id);
  }
  return written;
}
