import type { Database } from 'better-sqlite3';
import type { ChannelRecord, ChannelStore } from '../../channels/port';

interface ChannelRow {
  code: string;
  name: string;
  type: ChannelRecord['type'];
  created_at: number;
  created_by: string | null;
  retired: number;
}

const toChannel = (r: ChannelRow): ChannelRecord => ({
  code: r.code,
  name: r.name,
  type: r.type,
  createdAt: r.created_at,
  createdBy: r.created_by,
  retired: r.retired === 1,
});

export function createChannelStore(db: Database): ChannelStore {
  const columns = 'code, name, type, created_at, created_by, retired';
  const selectAll = db.prepare<[], ChannelRow>(`SELECT ${columns} FROM channels ORDER BY created_at, code`);
  const selectOne = db.prepare<[string], ChannelRow>(`SELECT ${columns} FROM channels WHERE code = ?`);
  const insert = db.prepare(
    `INSERT INTO channels (${columns}) VALUES (@code, @name, @type, @created_at, @created_by, 0) ON CONFLICT DO NOTHING`,
  );
  const retire = db.prepare<[string]>('UPDATE channels SET retired = 1 WHERE code = ?');
  return {
    async list() {
      return selectAll.all().map(toChannel);
    },
    async create(c) {
      const { changes } = insert.run({
        code: c.code,
        name: c.name,
        type: c.type,
        created_at: c.createdAt,
        created_by: c.createdBy,
      });
      return changes === 1;
    },
    async retire(code) {
      retire.run(code);
      const row = selectOne.get(code);
      return row === undefined ? null : toChannel(row);
    },
  };
}
