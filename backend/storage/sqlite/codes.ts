import type { Database } from 'better-sqlite3';
import type { CodeRecord, CodeStore } from '../../admin/port';

interface CodeRow {
  scene: string;
  file_id: string;
  stand_in: number;
  created_at: number;
  created_by: string | null;
  day: string;
}

export function createCodeStore(db: Database): CodeStore {
  const selectOne = db.prepare<[string], CodeRow>(
    'SELECT scene, file_id, stand_in, created_at, created_by, day FROM codes WHERE scene = ?',
  );
  const insert = db.prepare(`
    INSERT INTO codes (scene, file_id, stand_in, created_at, created_by, day)
    VALUES (@scene, @file_id, @stand_in, @created_at, @created_by, @day) ON CONFLICT DO NOTHING
  `);
  const count = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM codes WHERE created_by = ? AND day = ?',
  );
  return {
    async get(scene) {
      const r = selectOne.get(scene);
      if (r === undefined) return null;
      return {
        scene: r.scene,
        fileId: r.file_id,
        standIn: r.stand_in === 1,
        createdAt: r.created_at,
        createdBy: r.created_by,
        day: r.day,
      } satisfies CodeRecord;
    },
    async put(c) {
      const { changes } = insert.run({
        scene: c.scene,
        file_id: c.fileId,
        stand_in: c.standIn ? 1 : 0,
        created_at: c.createdAt,
        created_by: c.createdBy,
        day: c.day,
      });
      return changes === 1;
    },
    async countBy(createdBy, day) {
      return count.get(createdBy, day)?.n ?? 0;
    },
  };
}
