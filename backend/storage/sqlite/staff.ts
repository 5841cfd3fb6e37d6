import type { Database } from 'better-sqlite3';
import type { StaffMember, StaffRole, StaffStore } from '../../staff/port';

interface StaffRow {
  key: string;
  name: string;
  role: StaffRole;
  added_by: string | null;
  added_at: number;
}

const toMember = (r: StaffRow): StaffMember => ({
  key: r.key,
  name: r.name,
  role: r.role,
  addedBy: r.added_by,
  addedAt: r.added_at,
});

export function createStaffStore(db: Database): StaffStore {
  const columns = 'key, name, role, added_by, added_at';
  const selectOne = db.prepare<[string], StaffRow>(`SELECT ${columns} FROM staff WHERE key = ?`);
  const selectAll = db.prepare<[], StaffRow>(`SELECT ${columns} FROM staff ORDER BY added_at, key`);
  const upsert = db.prepare(`
    INSERT INTO staff (${columns}) VALUES (@key, @name, @role, @added_by, @added_at)
    ON CONFLICT (key) DO UPDATE SET name = excluded.name, role = excluded.role,
      added_by = excluded.added_by, added_at = excluded.added_at
  `);
  const remove = db.prepare<[string]>('DELETE FROM staff WHERE key = ?');
  return {
    async get(key) {
      const row = selectOne.get(key);
      return row === undefined ? null : toMember(row);
    },
    async list() {
      return selectAll.all().map(toMember);
    },
    async put(m) {
      upsert.run({ key: m.key, name: m.name, role: m.role, added_by: m.addedBy, added_at: m.addedAt });
    },
    async remove(key) {
      return remove.run(key).changes > 0;
    },
  };
}
