import * as z from 'zod/mini';
import type { AdminApi, StaffInfo } from '../../typings/contract';
import { fail, ok } from '../core/envelope';
import type { Actions } from '../core/router';
import '../core/zod';
import type { StaffMember, StaffStore } from '../staff/port';

const info = (m: StaffMember, bootstrap = false): StaffInfo => ({
  id: m.key,
  name: m.name,
  role: m.role,
  addedAt: new Date(m.addedAt).toISOString(),
  bootstrap,
});

const name = z.string().check(z.trim(), z.minLength(1, '请填写姓名'), z.maxLength(20, '姓名不能超过 20 个字'));

/**
 * Whether `key` is an administrator added in the app and no other administrator would be left without them (none
 * named by ADMIN_OPENIDS either): removing them, or making them staff, would leave nobody to manage the staff.
 */
async function isLastAdmin(staff: StaffStore, key: string, adminKeys: readonly string[]): Promise<boolean> {
  if (adminKeys.length > 0) return false;
  const admins = (await staff.list()).filter((m) => m.role === 'admin');
  return admins.length === 1 && admins[0]?.key === key;
}

/**
 * Staff management, for administrators: names and roles go back, never openids. Adding and removing also set and
 * clear the staff mark on the person's reader record (TrackStore.markStaff), which is how a read tells staff apart
 * without looking them up.
 */
export const staffActions: Pick<Actions<AdminApi>, 'staff.list' | 'staff.add' | 'staff.remove'> = {
  'staff.list': {
    role: 'admin',
    input: z.strictObject({}),
    handle: async (_input, { stores, adminKeys }) => {
      const members = await stores.staff.list();
      const listed = new Set(members.map((m) => m.key));
      // Administrators named by ADMIN_OPENIDS and never added in the app still show, so nobody is a mystery.
      const boot = adminKeys()
        .filter((key) => !listed.has(key))
        .map((key) => info({ key, name: '管理员（部署时指定）', role: 'admin', addedBy: null, addedAt: 0 }, true));
      const named = new Set(adminKeys());
      return ok({ items: [...boot, ...members.map((m) => info(m, named.has(m.key)))] });
    },
  },

  'staff.add': {
    role: 'admin',
    input: z.strictObject({
      openid: z.string().check(z.regex(/^[\w-]{1,64}$/, '编号不对：请让对方在小程序首页底部点“我的编号”复制')),
      name,
      role: z.enum(['admin', 'staff']),
    }),
    handle: async ({ openid, name: memberName, role }, { stores, readerKey, caller, now, adminKeys }) => {
      const key = readerKey({ openid }, undefined)?.key;
      if (key === undefined) return fail('BAD_REQUEST', '编号不对');
      if (role !== 'admin' && (await isLastAdmin(stores.staff, key, adminKeys()))) {
        return fail('BAD_REQUEST', '这是最后一位管理员，不能改为工作人员：请先添加另一位管理员');
      }
      const { member } = await caller();
      const added: StaffMember = {
        key,
        name: memberName,
        role,
        addedBy: member?.key ?? null,
        addedAt: now().getTime(),
      };
      await stores.staff.put(added);
      // Marked after the record, cleared before it goes (staff.remove): a mark is never on someone who is not staff.
      await stores.track.markStaff(key, true);
      return ok(info(added));
    },
  },

  'staff.remove': {
    role: 'admin',
    input: z.strictObject({ id: z.string().check(z.regex(/^[\w-]{8,64}$/)) }),
    handle: async ({ id }, { stores, adminKeys }) => {
      if (adminKeys().includes(id)) {
        return fail('BAD_REQUEST', '这位管理员由部署时的 ADMIN_OPENIDS 指定，不能在这里删除');
      }
      const member = await stores.staff.get(id);
      if (member === null) return fail('NOT_FOUND', '没有这位工作人员');
      if (await isLastAdmin(stores.staff, id, adminKeys())) {
        return fail('BAD_REQUEST', '不能删除最后一位管理员：请先添加另一位管理员');
      }
      // Their reads count as a reader's again from here on; those made as staff stay as they were counted.
      await stores.track.markStaff(id, false);
      return ok({ removed: await stores.staff.remove(id) });
    },
  },
};
