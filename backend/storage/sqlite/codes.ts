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
  const claims = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM code_claims WHERE created_by = ? AND day = ?',
  );
  const insertClaim = db.prepare('INSERT INTO code_claims (created_by, day, n) VALUES (?, ?, ?)');
  // One transaction: the count and the insert cannot be split by another request or process.
  const claim = db.transaction((createdBy: string, day: string, limit: number): boolean => {
    const n = claims.get(createdBy, day)?.n ?? 0;
    if (n >= limit) return false;
    insertClaim.run(createdBy, day, n);
    return true;
  });
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
    async claim(createdBy, day, limit) {
      return claim.immediate(createdBy, day, limit);
    },
  };
}
