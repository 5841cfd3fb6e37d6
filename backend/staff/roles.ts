import type { CallerRole, Identity, ReaderKeyOf } from '../core/context';
import type { StaffStore } from './port';

/** `ADMIN_OPENIDS` of the staff functions: the first administrators, before anyone has been added in the app. */
export const parseAdminOpenids = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => /^[\w-]{1,64}$/.test(id));

/**
 * The role of a caller, from the identity WeChat gives only: an openid named by ADMIN_OPENIDS is an administrator;
 * otherwise the staff records decide; everyone else (and every caller without an openid) is a reader.
 */
export function roleOf(
  identity: Identity,
  { adminOpenids, readerKey, staff }: { adminOpenids: ReadonlySet<string>; readerKey: ReaderKeyOf; staff: StaffStore },
): Promise<CallerRole> {
  const { openid } = identity;
  if (!openid) return Promise.resolve('reader');
  if (adminOpenids.has(openid)) return Promise.resolve('admin');
  const reader = readerKey({ openid }, undefined);
  if (reader === null) return Promise.resolve('reader');
  return staff.get(reader.key).then((member) => member?.role ?? 'reader');
}
