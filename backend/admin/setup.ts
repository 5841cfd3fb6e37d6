import * as z from 'zod/mini';
import type { AdminApi, SetupReport } from '../../typings/contract';
import type { InstallmentFile } from '../content/schema';
import { syncInstallments } from '../content/sync';
import { ok } from '../core/envelope';
import type { Actions } from '../core/router';
import type { Stores } from '../core/stores';
import '../core/zod';

/**
 * Brings an environment's database to what this build needs, changing only what differs: the missing collections
 * are made, then the curated installments that are missing or whose file changed are published (as the content
 * function's cold start does; staff-set dates and offline installments are kept), and every staff member's reader
 * record carries the staff mark (for staff added before reads told them apart). Indexes cannot be made from a
 * function: they are listed by `npm run deploy -- db` for the console.
 */
export async function setupDatabase(
  stores: Pick<Stores, 'schema' | 'content' | 'track' | 'staff'>,
  files: InstallmentFile[],
): Promise<SetupReport> {
  const collections = await stores.schema.ensure();
  const published = await syncInstallments(stores, files);
  const unchanged = files.map((f) => f.id).filter((id) => !published.includes(id));
  const members = await stores.staff.list();
  for (const m of members) await stores.track.markStaff(m.key, true);
  return { collections, installments: { published, unchanged }, staff: { marked: members.length } };
}

/** `setup.db`, for administrators: the same setup the deploy's one-time timer runs (cloudfunctions/admin). */
export function setupActions(catalog: () => InstallmentFile[]): Pick<Actions<AdminApi>, 'setup.db'> {
  return {
    'setup.db': {
      role: 'admin',
      input: z.strictObject({}),
      handle: async (_input, { stores }) => ok(await setupDatabase(stores, catalog())),
    },
  };
}
