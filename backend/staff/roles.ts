import type { Caller, Identity, ReaderKeyOf } from '../core/context';
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
export async function callerOf(
  identity: Identity,
  { adminOpenids, readerKey, staff }: { adminOpenids: ReadonlySet<string>; readerKey: ReaderKeyOf; staff: StaffStore },
): Promise<Caller> {
  const { openid } = identity;
  if (!openid) return { role: 'reader', member: null };
  const key = readerKey({ openid }, undefined)?.key;
  const member = key === undefined ? null : await staff.get(key);
  const found = member === null ? null : { key: member.key, name: member.name };
  if (adminOpenids.has(openid)) return { role: 'admin', member: found };
  return { role: member?.role ?? 'reader', member: found };
}
