import type { MemoryDatabase } from './database';
import { type Limits, pageSize } from './limits';
import { ACTIONS, type Doc, encodeDoc, PlatformError, type WireRequest } from './wire';

/**
 * The `data` of the answer to one database request, in the shape @cloudbase/database reads it: `list` of EJSON
 * strings, `total`, `insertedIds`, `updated` / `upsert_id`, `deleted`. Throws PlatformError for a refused one.
 */
export function perform(db: MemoryDatabase, limits: Limits, request: WireRequest): Doc {
  const { collectionName: name, query } = request;
  switch (request.action) {
    case ACTIONS.get: {
      // `doc(id).get()` asks for one record by `_id`; a query gets a page.
      const limit = request.queryType === 'DOC' ? 1 : pageSize(limits, request.limit);
      const { order, projection, offset } = request;
      const docs = db.find(name, { query, order, projection, offset, limit });
      return { list: docs.map(encodeDoc), limit, offset };
    }
    case ACTIONS.count:
      return { total: db.count(name, query) };
    case ACTIONS.add: {
      const docs = Array.isArray(request.data) ? request.data : [];
      if (docs.length === 0) throw new PlatformError('INVALID_PARAM', 'data must hold at least one record');
      return { insertedIds: db.insert(name, docs) };
    }
    case ACTIONS.modify: {
      const { data } = request;
      if (data === undefined || Array.isArray(data)) throw new PlatformError('INVALID_PARAM', 'data must be an object');
      const { updated, upsertedId } = db.modify(name, {
        query,
        data,
        multi: request.multi,
        merge: request.merge,
        upsert: request.upsert,
      });
      return upsertedId === null ? { updated } : { updated, upsert_id: upsertedId };
    }
    case ACTIONS.remove:
      return { deleted: db.remove(name, query, request.multi) };
    case ACTIONS.addCollection:
      db.addCollection(name);
      return {};
    default:
      throw new PlatformError('INVALID_ACTION', `action ${request.action} is not supported by the local endpoint`);
  }
}
