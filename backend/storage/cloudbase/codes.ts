import { createHash } from 'node:crypto';
import type { Database, WithId } from 'wx-server-sdk';
import type { CodeStore } from '../../admin/port';
import { CODES, type CodeDoc } from './documents';

const idOf = (scene: string): string => createHash('sha256').update(scene).digest('base64url').slice(0, 22);

export function createCodeStore(db: Database): CodeStore {
  const codes = db.collection<CodeDoc>(CODES);
  const find = async (scene: string) =>
    (
      await codes
        .where({ _id: idOf(scene) })
        .limit(1)
        .get()
    ).data[0] as WithId<CodeDoc> | undefined;
  return {
    async get(scene) {
      const d = await find(scene);
      if (d === undefined) return null;
      const { _id, ...record } = d;
      return record;
    },
    async put(record) {
      try {
        await codes.add({ data: { _id: idOf(record.scene), ...record } });
        return true;
      } catch (error) {
        const found = await find(record.scene);
        if (found === undefined) throw error;
        return found.fileId === record.fileId;
      }
    },
    async countBy(createdBy, day) {
      return (await codes.where({ createdBy, day }).count()).total;
    },
  };
}
