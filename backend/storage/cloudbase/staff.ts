import type { Database, WithId } from 'wx-server-sdk';
import type { StaffMember, StaffStore } from '../../staff/port';
import { STAFF, type StaffDoc } from './documents';
import { readAll } from './paging';

const toMember = (d: WithId<StaffDoc>): StaffMember => ({
  key: String(d._id),
  name: d.name,
  role: d.role,
  addedBy: d.addedBy,
  addedAt: d.addedAt,
});

/** The `staff` collection: one small record per member, a few dozen at most. */
export function createStaffStore(db: Database): StaffStore {
  const staff = db.collection<StaffDoc>(STAFF);
  return {
    async get(key) {
      const doc = (await staff.where({ _id: key }).limit(1).get()).data[0];
      return doc === undefined ? null : toMember(doc);
    },
    async list() {
      const docs = await readAll(staff.orderBy('addedAt', 'asc').orderBy('_id', 'asc'));
      return docs.map(toMember);
    },
    async put({ key, ...member }) {
      await staff.doc(key).set({ data: member });
    },
    async remove(key) {
      const { stats } = await staff.where({ _id: key }).remove();
      return stats.removed > 0;
    },
  };
}
