import * as z from 'zod/mini';
import type { AdminApi } from '../../typings/contract';
import { ok } from '../core/envelope';
import type { Actions } from '../core/router';
import '../core/zod';

/** The `admin` function: who the caller is, for everyone; what staff manage (channels, codes, staff, installments). */
export const adminActions: Actions<AdminApi> = {
  whoami: {
    role: 'public',
    input: z.strictObject({}),
    handle: async (_input, { caller }) => {
      const { role, member } = await caller();
      if (role === 'reader') return ok({ staff: false, admin: false, name: null });
      return ok({ staff: true, admin: role === 'admin', name: member?.name ?? '管理员' });
    },
  },
};
