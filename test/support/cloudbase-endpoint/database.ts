import { randomBytes } from 'node:crypto';
import { calculateObjectSize } from 'bson';
import { Query } from 'mingo';
import { isEqual } from 'mingo/util';
import { copy } from './copy';
import type { Limits } from './limits';
import { applyOperators } from './update';
import { type Doc, type DocId, PlatformError, type StoredDoc } from './wire';

export interface FindOptions {
  query: Doc;
  order?: Record<string, 1 | -1> | undefined;
  projection?: Record<string, 0 | 1> | undefined;
  offset: number;
  limit: number;
}

export interface ModifyOptions {
  query: Doc;
  /** Update operators when `merge`, else the whole new record (without `_id`). */
  data: Doc;
  multi: boolean;
  merge: boolean;
  upsert: boolean;
}

const idKey = (id: DocId): string => `${typeof id}:${id}`;

const isObject = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/** An id like the ones CloudBase makes: 32 hex digits. */
const newId = (): string => randomBytes(16).toString('hex');

/**
 * The records of every collection, in memory, with MongoDB query, projection, sort and update semantics from
 * mingo. Records keep their insertion order (MongoDB's natural order with no sort). Stored records are never handed
 * out: reads copy.
 */
export class MemoryDatabase {
  private readonly collections = new Map<string, Map<string, StoredDoc>>();

  /** Collections that exist; null: any name does. */
  private existing: Set<string> | null;

  /** @param initial collections that exist until createCollection makes more (and again after clear); null: any. */
  constructor(
    private readonly limits: Limits,
    private readonly initial: ReadonlySet<string> | null,
  ) {
    this.existing = initial === null ? null : new Set(initial);
  }

  /** `db.createCollection`: refused, as the platform does, for a name that exists (with no list, every name does). */
  addCollection(name: string): void {
    if (this.existing === null || this.existing.has(name)) {
      throw new PlatformError(
        'DATABASE_COLLECTION_ALREADY_EXIST',
        `[ResourceUnavailable.ResourceExist] Table exist: ${name}`,
      );
    }
    this.existing.add(name);
  }

  find(name: string, { query, order, projection, offset, limit }: FindOptions): StoredDoc[] {
    let cursor = this.query(query).find<StoredDoc>([...this.rows(name).values()], projection);
    if (order !== undefined && Object.keys(order).length > 0) cursor = cursor.sort(order);
    return copy(cursor.skip(offset).limit(limit).all());
  }

  count(name: string, query: Doc): number {
    return this.matching(name, query).length;
  }

  /** Ordered like MongoDB's insertMany: the records before a refused one stay inserted. */
  insert(name: string, docs: Doc[]): DocId[] {
    const rows = this.rows(name);
    return docs.map((data) => {
      const id = data._id === undefined ? newId() : data._id;
      if (typeof id !== 'string' && typeof id !== 'number') {
        throw new PlatformError('INVALID_PARAM', '_id must be a string or a number');
      }
      if (rows.has(idKey(id))) {
        throw new PlatformError(
          'DATABASE_REQUEST_FAILED',
          `E11000 duplicate key error collection: ${name} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`,
        );
      }
      const doc = { ...copy(data), _id: id };
      this.checkSize(doc, (size, max) => `object to insert too large. size in bytes: ${size}, max size: ${max}`);
      rows.set(idKey(id), doc);
      return id;
    });
  }

  /** `updated` counts the records that changed (MongoDB's modified count). */
  modify(
    name: string,
    { query, data, multi, merge, upsert }: ModifyOptions,
  ): { updated: number; upsertedId: DocId | null } {
    const rows = this.rows(name);
    const targets = this.matching(name, query);
    if (targets.length === 0 && upsert) {
      const base = this.upsertBase(query);
      const doc = merge ? applyOperators(base, data).doc : this.replacement(base, data);
      this.checkSize(doc, (size, max) => `object to insert too large. size in bytes: ${size}, max size: ${max}`);
      rows.set(idKey(doc._id), doc);
      return { updated: 0, upsertedId: doc._id };
    }
    let updated = 0;
    for (const current of multi ? targets : targets.slice(0, 1)) {
      const next = merge ? applyOperators(current, data) : this.replaced(current, data);
      if (!next.modified) continue;
      this.checkSize(next.doc, (_size, max) => `Resulting document after update is larger than ${max}`);
      rows.set(idKey(current._id), next.doc);
      updated += 1;
    }
    return { updated, upsertedId: null };
  }

  remove(name: string, query: Doc, multi: boolean): number {
    const rows = this.rows(name);
    const doomed = this.matching(name, query);
    for (const doc of multi ? doomed : doomed.slice(0, 1)) rows.delete(idKey(doc._id));
    return multi ? doomed.length : Math.min(doomed.length, 1);
  }

  /** Every record of a collection, in natural order, copied; no request is made or counted. */
  peek(name: string): StoredDoc[] {
    return copy([...(this.collections.get(name)?.values() ?? [])]);
  }

  /** Stores records as they are (bypassing limits and requests): test setup. */
  seed(name: string, docs: readonly Doc[]): void {
    const rows = this.rows(name);
    for (const data of docs) {
      const doc = { ...copy(data), _id: (data._id as DocId | undefined) ?? newId() };
      rows.set(idKey(doc._id), doc);
    }
  }

  /** Forgets every record, and the collections createCollection made. */
  clear(): void {
    this.collections.clear();
    this.existing = this.initial === null ? null : new Set(this.initial);
  }

  private rows(name: string): Map<string, StoredDoc> {
    if (this.existing !== null && !this.existing.has(name)) {
      throw new PlatformError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`);
    }
    let rows = this.collections.get(name);
    if (rows === undefined) {
      rows = new Map();
      this.collections.set(name, rows);
    }
    return rows;
  }

  private query(query: Doc): Query {
    try {
      return new Query(query);
    } catch (error) {
      throw new PlatformError('DATABASE_INVALID_OPERRATOR', (error as Error).message);
    }
  }

  private matching(name: string, query: Doc): StoredDoc[] {
    const q = this.query(query);
    return [...this.rows(name).values()].filter((doc) => q.test(doc));
  }

  /** A new record's start for an upsert: the equality fields of the query, as MongoDB does. */
  private upsertBase(query: Doc): StoredDoc {
    const base: Doc = {};
    for (const [key, value] of Object.entries(query)) {
      if (key.startsWith('$') || key.includes('.')) continue;
      if (isObject(value) && Object.keys(value).some((k) => k.startsWith('$'))) {
        if ('$eq' in value) base[key] = value.$eq;
        continue;
      }
      base[key] = value;
    }
    const id = base._id;
    return { ...base, _id: typeof id === 'string' || typeof id === 'number' ? id : newId() };
  }

  private replacement(current: StoredDoc, data: Doc): StoredDoc {
    if ('_id' in data && data._id !== current._id) {
      throw new PlatformError(
        'DATABASE_REQUEST_FAILED',
        `the (immutable) field '_id' was found to have been altered to _id: ${JSON.stringify(data._id)}`,
      );
    }
    if (Object.keys(data).some((k) => k.startsWith('$'))) {
      throw new PlatformError('DATABASE_REQUEST_FAILED', 'replacement document must not contain update operators');
    }
    return { ...copy(data), _id: current._id };
  }

  private replaced(current: StoredDoc, data: Doc): { doc: StoredDoc; modified: boolean } {
    const doc = this.replacement(current, data);
    return { doc, modified: !isEqual(doc, current) };
  }

  private checkSize(doc: StoredDoc, message: (size: number, max: number) => string): void {
    const size = calculateObjectSize(doc);
    if (size > this.limits.maxRecordBytes) {
      throw new PlatformError('DATABASE_REQUEST_FAILED', message(size, this.limits.maxRecordBytes));
    }
  }
}
