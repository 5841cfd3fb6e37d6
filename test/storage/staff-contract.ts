import type { Stores } from '../../backend/core/stores';
import type { StaffMember } from '../../backend/staff/port';

const member = (key: string, addedAt: number, over: Partial<StaffMember> = {}): StaffMember => ({
  key,
  name: `编辑${key}`,
  role: 'staff',
  addedBy: null,
  addedAt,
  ...over,
});

/** The staff port's behaviour, the same on every adapter. `open` gives fresh, empty stores each time. */
export function staffStoreContract(open: () => Promise<Stores>): void {
  let stores: Stores;
  beforeEach(async () => {
    stores = await open();
  });
  afterEach(() => stores.close());

  it('gives back a member as put, null for a key never put', async () => {
    const m = member('k1', 10, { role: 'admin', addedBy: 'k0' });
    await stores.staff.put(m);
    expect(await stores.staff.get('k1')).toEqual(m);
    expect(await stores.staff.get('k2')).toBeNull();
  });

  it('replaces a member put again, and lists members in the order they were added', async () => {
    await stores.staff.put(member('k2', 20));
    await stores.staff.put(member('k1', 10));
    await stores.staff.put(member('k2', 20, { name: '改名', role: 'admin' }));
    expect((await stores.staff.list()).map((m) => [m.key, m.name, m.role])).toEqual([
      ['k1', '编辑k1', 'staff'],
      ['k2', '改名', 'admin'],
    ]);
  });

  it('removes a member, and says whether there was one', async () => {
    await stores.staff.put(member('k1', 10));
    expect(await stores.staff.remove('k1')).toBe(true);
    expect(await stores.staff.remove('k1')).toBe(false);
    expect(await stores.staff.get('k1')).toBeNull();
    expect(await stores.staff.list()).toEqual([]);
  });
}
