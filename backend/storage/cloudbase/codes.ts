import { createHash } from 'node:crypto';
import type { Database, WithId } from 'wx-server-sdk';
import type { CodeStore } from '../../admin/port';
import { type ClaimDoc, CODES, type CodeDoc } from './documents';

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
    async claim(createdBy, day, limit) {
      // Claim n is the record `Q<n>_<hash>`: adding an _id that exists fails, so each n is taken once, whatever runs
      // in parallel. Start from the count of claims so far (index createdBy, day), try upward.
      const claims = db.collection<ClaimDoc>(CODES);
      const base = idOf(`${createdBy}|${day}`);
      const taken = (await claims.where({ t: 'claim', createdBy, day }).count()).total;
      for (let n = taken; n < limit; n += 1) {
        const _id = `Q${n}_${base}`;
        try {
          await claims.add({ data: { _id, t: 'claim', createdBy, day } });
          return true;
        } catch (error) {
          // Taken meanwhile (or our own add whose answer was lost: one claim spent, on the safe side).
          const found = (await claims.where({ _id }).limit(1).get()).data.length > 0;
          if (!found) throw error;
        }
      }
      return false;
    },
  };
}
