import { createHash } from 'node:crypto';
import type { Stores } from '../core/stores';
import { publishInstallment } from './publish';
import type { InstallmentFile } from './schema';

export const revisionOf = (file: InstallmentFile): string =>
  createHash('sha256').update(JSON.stringify(file)).digest('hex').slice(0, 16);

/** Marks the revision of an installment an administrator published in the app (`installment.publish`). */
export const STAFF_PUBLISHED = 'staff:';

/**
 * Brings the store's content up to the curated files: an installment is written when it is missing or its file
 * changed, unless an administrator published it in the app: their text is the latest word, and a cold start or a
 * deploy must not quietly put the bundled one back (publishing the bundled file in the app does). Read counts and
 * staff-set dates are left alone. Returns the ids written.
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
    const current = stored.get(file.id);
    if (current === revision) continue;
    if (current?.startsWith(STAFF_PUBLISHED)) {
      if (current !== STAFF_PUBLISHED + revision) {
        console.log(`${file.id}：管理员已在小程序里发布过，随包的版本不覆盖它（要换回随包的版本，在工作台发布它）`);
      }
      continue;
    }
    await publishInstallment(stores, file, revision, { keepOffline: true });
    written.push(file.id);
  }
  return written;
}
