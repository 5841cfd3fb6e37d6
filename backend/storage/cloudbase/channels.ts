import type { Database, WithId } from 'wx-server-sdk';
import type { ChannelRecord, ChannelStore } from '../../channels/port';
import { ARTICLE_STATS, CHANNEL_PREFIX, type ChannelDoc } from './documents';
import { readAll } from './paging';

const toChannel = (d: WithId<ChannelDoc>): ChannelRecord => ({
  code: String(d._id).slice(CHANNEL_PREFIX.length),
  name: d.name,
  type: d.type,
  createdAt: d.createdAt,
  createdBy: d.createdBy,
  retired: d.retired === true,
});

/** Staff-made channels, as `C_<code>` records beside the counters (see documents.ts). */
export function createChannelStore(db: Database): ChannelStore {
  const stats = db.collection<ChannelDoc>(ARTICLE_STATS);
  const find = async (code: string) =>
    (
      await stats
        .where({ _id: CHANNEL_PREFIX + code })
        .limit(1)
        .get()
    ).data[0] as WithId<ChannelDoc> | undefined;
  return {
    async list() {
      const docs = await readAll(stats.where({ t: 'channel' }).orderBy('createdAt', 'asc').orderBy('_id', 'asc'));
      return docs.map(toChannel);
    },
    async create(c) {
      const doc: ChannelDoc = {
        t: 'channel',
        name: c.name,
        type: c.type,
        createdAt: c.createdAt,
        createdBy: c.createdBy,
        retired: false,
      };
      try {
        await stats.add({ data: { _id: CHANNEL_PREFIX + c.code, ...doc } });
        return true;
      } catch (error) {
        // Taken: by another channel, or by our own add whose answer was lost.
        const found = await find(c.code);
        if (found === undefined) throw error;
        const same = found.name === c.name && found.type === c.type && found.createdBy === c.createdBy;
        return same && found.createdAt === c.createdAt;
      }
    },
    async retire(code) {
      await stats.where({ _id: CHANNEL_PREFIX + code }).update({ data: { retired: true } });
      const found = await find(code);
      return found === undefined ? null : toChannel(found);
    },
  };
}
