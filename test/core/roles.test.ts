import * as z from 'zod/mini';
import type { FunctionTable } from '../../backend/core/dispatcher';
import { createDispatcher } from '../../backend/core/dispatcher';
import { ok } from '../../backend/core/envelope';
import { LOCAL_READER_SECRET, readerKeys } from '../../backend/core/reader-key';
import type { Action } from '../../backend/core/router';
import { parseAdminOpenids } from '../../backend/staff/roles';
import { createSqliteStores, openDatabase } from '../../backend/storage/sqlite';

/** A table of one action per role, each answering who ran it: stands in for the staff functions. */
const handled: string[] = [];
const action = (role: Action<unknown, unknown>['role']): Action<{ n: number }, string> => ({
  role,
  input: z.strictObject({ n: z.number() }),
  handle: async ({ n }) => {
    handled.push(`${role}:${n}`);
    return ok(role);
  },
});
const table = { public: action('public'), staff: action('staff'), admin: action('admin') };

const stores = createSqliteStores(openDatabase(':memory:'));
const dispatcher = createDispatcher({
  // The dispatcher serves any table by name; this test's is not a deployed function.
  functions: { content: table } as unknown as FunctionTable,
  stores,
  readerSecret: LOCAL_READER_SECRET,
  adminOpenids: ['o-boot-admin'],
});
const call = (name: string, input: unknown, openid: string | null) =>
  dispatcher.call('content', { action: name, input }, { openid, source: 'wx_client' });
const keyOf = (openid: string) => readerKeys(LOCAL_READER_SECRET)({ openid }, undefined)?.key as string;

beforeAll(async () => {
  await stores.staff.put({ key: keyOf('o-staff'), name: '编辑甲', role: 'staff', addedBy: null, addedAt: 1 });
  await stores.staff.put({ key: keyOf('o-admin'), name: '主任乙', role: 'admin', addedBy: null, addedAt: 2 });
});
afterAll(() => stores.close());
beforeEach(() => {
  handled.length = 0;
});

describe('roles in the router', () => {
  test.each([
    ['a reader', 'o-reader', ['public']],
    ['no openid at all', null, ['public']],
    ['staff', 'o-staff', ['public', 'staff']],
    ['an administrator added in the app', 'o-admin', ['public', 'staff', 'admin']],
    ['an administrator named by ADMIN_OPENIDS', 'o-boot-admin', ['public', 'staff', 'admin']],
  ])('%s may call exactly %#', async (_who, openid, allowed) => {
    for (const role of ['public', 'staff', 'admin']) {
      const res = await call(role, { n: 1 }, openid);
      if (allowed.includes(role)) expect(res).toEqual({ ok: true, data: role });
      else expect(res).toEqual({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/没有权限/) });
    }
    expect(handled).toEqual(allowed.map((role) => `${role}:1`));
  });

  test('answers FORBIDDEN before looking at the input, whatever the payload claims', async () => {
    for (const input of [{ n: 1 }, { n: 'x' }, { openid: 'o-admin', role: 'admin' }, undefined]) {
      expect(await call('admin', input, 'o-staff')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(handled).toEqual([]);
  });

  test('staff with bad input get BAD_REQUEST; an openid in the input is refused too', async () => {
    expect(await call('staff', { n: 1, openid: 'o-admin' }, 'o-staff')).toMatchObject({ code: 'BAD_REQUEST' });
    expect(handled).toEqual([]);
  });
});

describe('ADMIN_OPENIDS', () => {
  test('is a comma-separated list; blanks and malformed ids are left out', () => {
    expect(parseAdminOpenids(' o1, o2 ,,o 3,o4')).toEqual(['o1', 'o2', 'o4']);
    expect(parseAdminOpenids(undefined)).toEqual([]);
  });
});
