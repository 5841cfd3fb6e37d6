import { IDENTITY_FRESH_MS, IdentityStore } from '../../../miniprogram/stores/identity';
import type { WhoAmI } from '../../../typings/contract';

const staff: WhoAmI = { staff: true, admin: true, name: '管理员', myNumber: 'o-me', sharePrefix: 'ab12' };
const reader: WhoAmI = { staff: false, admin: false, name: null, myNumber: 'o-r', sharePrefix: 'cd34' };

function setup(answer: WhoAmI | null, saved?: { savedAt: number; value: WhoAmI }) {
  let now = 1_000_000_000;
  const storage = new Map<string, unknown>(saved ? [['esd.whoami', saved]] : []);
  const call = jest.fn(async () =>
    answer
      ? { ok: true as const, data: answer }
      : { ok: false as const, code: 'INTERNAL' as const, message: '网络不太好' },
  );
  const store = new IdentityStore({
    call: call as never,
    read: (key) => storage.get(key),
    write: (key, value) => void storage.set(key, value),
    now: () => now,
  });
  return { store, call, storage, advance: (ms: number) => (now += ms), now: () => now };
}

describe('who the user is (admin.whoami)', () => {
  test('asks at the first show and keeps the answer, its numbers included, for ten minutes', async () => {
    const { store, call, storage, advance } = setup(staff);
    expect(store.staff).toBe(false);
    await store.refresh();
    expect(call).toHaveBeenCalledWith('admin', 'whoami', {});
    expect(store).toMatchObject({ staff: true, admin: true, myNumber: 'o-me', sharePrefix: 'ab12' });
    expect((storage.get('esd.whoami') as { value: WhoAmI }).value).toEqual(staff);
    advance(IDENTITY_FRESH_MS - 1);
    await store.refresh();
    expect(call).toHaveBeenCalledTimes(1);
    advance(2);
    await store.refresh();
    expect(call).toHaveBeenCalledTimes(2);
  });

  test('a cold start shows a fresh cached answer at once, and still asks', async () => {
    const at = 1_000_000_000;
    const { store, call } = setup(reader, { savedAt: at - 60_000, value: staff });
    expect(store.staff).toBe(true);
    await store.refresh();
    expect(call).toHaveBeenCalledTimes(1);
    expect(store.staff).toBe(false);
  });

  test('a stale cached answer is not trusted for roles; a failed call keeps what was known and asks again next time', async () => {
    const at = 1_000_000_000;
    const { store, call } = setup(null, { savedAt: at - IDENTITY_FRESH_MS - 1, value: staff });
    expect(store.staff).toBe(false);
    await store.refresh();
    expect(store.staff).toBe(false);
    // The person's own numbers do not age: shares made offline are still theirs, 我的编号 still shows.
    expect(store).toMatchObject({ admin: false, myNumber: 'o-me', sharePrefix: 'ab12' });
    await store.refresh();
    expect(call).toHaveBeenCalledTimes(2);
  });

  test('after 我的编号 is looked up, every return asks again until the person is staff', async () => {
    const { store, call, storage, advance } = setup(reader);
    await store.refresh();
    advance(60_000);
    await store.refresh();
    expect(call).toHaveBeenCalledTimes(1);
    store.expectStaff();
    advance(60_000);
    await store.refresh();
    expect(call).toHaveBeenCalledTimes(2);
    // Added meanwhile: the next return shows 工作台, and asking goes back to every ten minutes.
    call.mockResolvedValue({ ok: true as const, data: staff } as never);
    advance(60_000);
    await store.refresh();
    expect(store.staff).toBe(true);
    advance(60_000);
    await store.refresh();
    expect(call).toHaveBeenCalledTimes(3);
    expect((storage.get('esd.whoami') as { value: WhoAmI }).value).toEqual(staff);
  });

  test('asks once however many shows come while it waits', async () => {
    const { store, call } = setup(staff);
    await Promise.all([store.refresh(), store.refresh(), store.refresh()]);
    expect(call).toHaveBeenCalledTimes(1);
  });
});
