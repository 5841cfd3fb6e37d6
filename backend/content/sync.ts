import { createHash } from 'node:crypto';
import type { Store } from '../storage/port';
import { toRecords } from './records';
import type { InstallmentFile } from './schema';

export const revisionOf = (file: InstallmentFile): string =>
  createHash('sha256').update(JSON.stringify(file)).digest('hex').slice(0, 16);

/**
 * Brings the store's content up to the curated files: an installment is written when it is
 * missing or its file changed. Read counts and staff-set dates are left alone.
 * Returns the ids written.
 */
export async function syncInstallments(store: Store, files: InstallmentFile[]): Promise<string[]> {
  const stored = await store.installmentRevisions();
  const written: string[] = [];
  for (const file of files) {
    if (file.review.length > 0) throw new Error(`${file.id} 还有 ${file.review.length} 处待编辑决定，不能上线`);
    const revision = revisionOf(file);
    if (stored.get(file.id) === revision) continue;
    const { installment, articles } = toRecords(file, revision);
    await store.saveInstallment(installment, articles);
    written.push(file.id);
  }
  return written;
}
