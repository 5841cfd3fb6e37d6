import { randomBytes } from 'node:crypto';
import type {
  AddResult,
  CollectionReference,
  Command,
  CountResult,
  Database,
  DocumentData,
  DocumentId,
  DocumentReference,
  GetResult,
  LogicCommand,
  OrderDirection,
  Projection,
  Query,
  QueryCommand,
  RemoveResult,
  ServerDate,
  SetResult,
  UpdateCommand,
  UpdateResult,
  WhereCondition,
  WithId,
} from 'wx-server-sdk';

/**
 * An in-memory stand-in for `cloud.database()` in a cloud function, following the documented behaviour:
 * `get()` returns at most 100 records (also when a larger limit is asked for), `add` with a taken `_id`
 * rejects, `doc(id).get()` of a missing record rejects, `set`/`update` refuse `_id` in `data`, and
 * `remove()`/`update()` on a query honour only `where`. Records are copied in and out, never shared.
 */

/**
 * Cloud-function `get()` cap. The Collection.get reference and the database guide say 100 (default and most);
 * the Collection.limit page says 1000. The fake keeps the stricter 100 so code that pages correctly passes both.
 */
export const MAX_GET = 100;

export type OpName = 'get' | 'add' | 'set' | 'update' | 'remove' | 'count';

/** Database requests made so far, by kind; each one is a round trip in the cloud. */
export class OpCounts {
  get = 0;
  add = 0;
  set = 0;
  update = 0;
  remove = 0;
  count = 0;

  total(): number {
    return this.get + this.add + this.set + this.update + this.remove + this.count;
  }

  reset(): void {
    this.get = 0;
    this.add = 0;
    this.set = 0;
    this.update = 0;
    this.remove = 0;
    this.count = 0;
  }
}

/** Errors carry `errCode`/`errMsg` like the SDK's. */
export class FakeDbError extends Error {
  constructor(
    readonly errMsg: string,
    readonly errCode = -1,
  ) {
    super(errMsg);
    this.name = 'FakeDbError';
  }
}

type StoredDoc = Record<string, unknown> & { _id: DocumentId };
type Rows = Map<string, StoredDoc>;

interface QueryState {
  filter: WhereCondition | LogicCommand | null;
  orders: Array<[string, OrderDirection]>;
  offset: number;
  max: number | null;
  projection: Projection | null;
}

const EMPTY_STATE: QueryState = { filter: null, orders: [], offset: 0, max: null, projection: null };

class FakeQueryCommand implements LogicCommand {
  constructor(
    readonly operator: string,
    readonly operands: readonly unknown[],
  ) {}

  and(...expressions: QueryCommand[]): LogicCommand {
    return new FakeQueryCommand('and', [this, ...expressions]);
  }

  or(...expressions: QueryCommand[]): LogicCommand {
    return new FakeQueryCommand('or', [this, ...expressions]);
  }
}

class FakeUpdateCommand implements UpdateCommand {
  constructor(
    readonly operator: string,
    readonly operands: readonly unknown[],
  ) {}
}

class FakeServerDate implements ServerDate {
  constructor(readonly offset: number) {}
}

const flattenArgs = (args: unknown[]): unknown[] => (args.length === 1 && Array.isArray(args[0]) ? args[0] : args);

const command: Command = {
  eq: (value) => new FakeQueryCommand('eq', [value]),
  neq: (value) => new FakeQueryCommand('neq', [value]),
  gt: (value) => new FakeQueryCommand('gt', [value]),
  gte: (value) => new FakeQueryCommand('gte', [value]),
  lt: (value) => new FakeQueryCommand('lt', [value]),
  lte: (value) => new FakeQueryCommand('lte', [value]),
  in: (values) => new FakeQueryCommand('in', [[...values]]),
  nin: (values) => new FakeQueryCommand('nin', [[...values]]),
  and: (...expressions) => new FakeQueryCommand('and', flattenArgs(expressions)),
  or: (...expressions) => new FakeQueryCommand('or', flattenArgs(expressions)),
  inc: (value) => new FakeUpdateCommand('inc', [value]),
  remove: () => new FakeUpdateCommand('remove', []),
};

const idKey = (id: DocumentId): string => `${typeof id}:${id}`;

/** Object literals of any realm (Jest runs tests in a separate one), but not class instances. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
};

/** A deep copy of stored data (objects, arrays, dates, primitives), made in this realm. */
const copy = <T>(value: T): T => {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copy) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T;
  }
  return value;
};

const readPath = (doc: Record<string, unknown>, path: string): unknown => {
  let current: unknown = doc;
  for (const key of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
};

const writePath = (doc: Record<string, unknown>, path: string, value: unknown): void => {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let current = doc;
  for (const key of keys) {
    const next = current[key];
    if (!isPlainObject(next)) current[key] = {};
    current = current[key] as Record<string, unknown>;
  }
  current[last] = value;
};

/** Nested plain objects become dotted paths, as the SDK does for `where` and `update`. */
const flattenPaths = (data: Record<string, unknown>, prefix = ''): Array<[string, unknown]> =>
  Object.entries(data).flatMap(
    ([key, value]): Array<[string, unknown]> =>
      isPlainObject(value) && Object.keys(value).length > 0
        ? flattenPaths(value, `${prefix}${key}.`)
        : [[`${prefix}${key}`, value]],
  );

const deepEqual = (a: unknown, b: unknown): boolean => {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => deepEqual(a[k], b[k]));
  }
  return Object.is(a, b);
};

/** Ordering within one type only, like the database: numbers, strings, dates. */
const compare = (a: unknown, b: unknown): number | null => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  return null;
};

const sortRank = (value: unknown): number => {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  return 3;
};

const equalsOrContains = (actual: unknown, expected: unknown): boolean =>
  deepEqual(actual, expected) ||
  (Array.isArray(actual) && !Array.isArray(expected) && actual.some((x) => deepEqual(x, expected)));

const matchesField = (actual: unknown, expected: unknown): boolean => {
  if (!(expected instanceof FakeQueryCommand)) return equalsOrContains(actual, expected);
  const [operand] = expected.operands;
  const ordered = (test: (c: number) => boolean) => {
    const c = compare(actual, operand);
    return c !== null && test(c);
  };
  switch (expected.operator) {
    case 'eq':
      return equalsOrContains(actual, operand);
    case 'neq':
      return !equalsOrContains(actual, operand);
    case 'gt':
      return ordered((c) => c > 0);
    case 'gte':
      return ordered((c) => c >= 0);
    case 'lt':
      return ordered((c) => c < 0);
    case 'lte':
      return ordered((c) => c <= 0);
    case 'in':
      return (operand as unknown[]).some((v) => equalsOrContains(actual, v));
    case 'nin':
      return !(operand as unknown[]).some((v) => equalsOrContains(actual, v));
    case 'and':
      return expected.operands.every((o) => matchesField(actual, o));
    case 'or':
      return expected.operands.some((o) => matchesField(actual, o));
    default:
      throw new Error(`fake-cloud-db: query operator "${expected.operator}" is not supported`);
  }
};

const matches = (doc: StoredDoc, filter: unknown): boolean => {
  if (filter instanceof FakeQueryCommand) {
    if (filter.operator === 'and') return filter.operands.every((c) => matches(doc, c));
    if (filter.operator === 'or') return filter.operands.some((c) => matches(doc, c));
    throw new Error(`fake-cloud-db: "${filter.operator}" cannot stand alone in where()`);
  }
  if (!isPlainObject(filter)) throw new Error('fake-cloud-db: where() takes an object or _.and/_.or');
  return flattenPaths(filter).every(([path, expected]) => matchesField(readPath(doc, path), expected));
};

const project = (doc: StoredDoc, projection: Projection | null): Record<string, unknown> => {
  if (projection === null) return doc;
  const entries = Object.entries(projection);
  const included = entries.filter(([, v]) => v === true || v === 1).map(([k]) => k);
  if (included.length === 0) {
    const out: Record<string, unknown> = copy(doc);
    for (const [key] of entries) delete out[key];
    return out;
  }
  const out: Record<string, unknown> = projection._id === false || projection._id === -1 ? {} : { _id: doc._id };
  for (const path of included) {
    const value = readPath(doc, path);
    if (value !== undefined) writePath(out, path, copy(value));
  }
  return out;
};

export class FakeCloudDb implements Database {
  readonly command = command;
  readonly ops = new OpCounts();
  /** Runs before every request; throw (or reject) to make that request fail. */
  beforeOp: ((op: OpName, collection: string) => void | Promise<void>) | null = null;
  private readonly collections = new Map<string, Rows>();
  private readonly failures = new Map<OpName, Error[]>();
  private readonly lostAnswers = new Map<OpName, Error[]>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  collection<T extends DocumentData = DocumentData>(name: string): CollectionReference<T> {
    return new FakeCollection(this, name, EMPTY_STATE) as unknown as CollectionReference<T>;
  }

  serverDate(options?: { offset?: number }): ServerDate {
    return new FakeServerDate(options?.offset ?? 0);
  }

  /** The next `op` request (of any collection) rejects with `error`; queue several by calling again. */
  failNext(op: OpName, error: Error = new FakeDbError(`${op}:fail injected failure`)): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), error]);
  }

  /**
   * The next `op` request (of any collection) is applied, then rejects with `error`: a request that succeeded
   * but whose answer was lost. Queue several by calling again.
   */
  failNextAfterApply(op: OpName, error: Error = new FakeDbError(`${op}:fail injected lost answer`)): void {
    this.lostAnswers.set(op, [...(this.lostAnswers.get(op) ?? []), error]);
  }

  /** Every record of a collection, in insertion order, without counting a request. */
  peek(name: string): StoredDoc[] {
    return [...this.rows(name).values()].map((doc) => copy(doc));
  }

  /** @internal */
  rows(name: string): Rows {
    let rows = this.collections.get(name);
    if (rows === undefined) {
      rows = new Map();
      this.collections.set(name, rows);
    }
    return rows;
  }

  /** @internal Counts the request, then applies injected failures. */
  async begin(op: OpName, collection: string): Promise<void> {
    this.ops[op] += 1;
    const queued = this.failures.get(op);
    const failure = queued?.shift();
    if (failure !== undefined) throw failure;
    await this.beforeOp?.(op, collection);
  }

  /** @internal After a request was applied: rejects when its answer is to be lost (see failNextAfterApply). */
  finish(op: OpName): void {
    const lost = this.lostAnswers.get(op)?.shift();
    if (lost !== undefined) throw lost;
  }

  /** @internal Copies a value into storage: server dates resolved, `undefined` fields dropped. */
  store(value: unknown): unknown {
    if (value instanceof FakeServerDate) return new Date(this.now().getTime() + value.offset);
    if (value instanceof FakeQueryCommand || value instanceof FakeUpdateCommand) {
      throw new FakeDbError(`command "${value.operator}" is not allowed here`);
    }
    if (value instanceof Date) return new Date(value.getTime());
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : this.store(v)));
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = this.store(v);
      return out;
    }
    return value;
  }

  /** @internal Applies `update({data})` to one record, all or nothing; returns whether it changed. */
  applyUpdate(name: string, doc: StoredDoc, data: Record<string, unknown>): boolean {
    const next = copy(doc);
    for (const [path, value] of flattenPaths(data)) {
      if (value instanceof FakeUpdateCommand && value.operator === 'remove') {
        const keys = path.split('.');
        const last = keys.pop() as string;
        const parent = keys.length === 0 ? next : readPath(next, keys.join('.'));
        if (isPlainObject(parent)) delete parent[last];
      } else if (value instanceof FakeUpdateCommand) {
        if (value.operator !== 'inc') throw new FakeDbError(`update command "${value.operator}" is not supported`);
        const current = readPath(next, path);
        const step = value.operands[0] as number;
        if (current !== undefined && typeof current !== 'number') {
          throw new FakeDbError(`cannot apply inc to non-numeric field "${path}"`);
        }
        writePath(next, path, (current ?? 0) + step);
      } else {
        writePath(next, path, this.store(value));
      }
    }
    if (deepEqual(doc, next)) return false;
    this.rows(name).set(idKey(doc._id), next);
    return true;
  }
}

const checkData = (data: unknown, op: string): Record<string, unknown> => {
  if (!isPlainObject(data) || Object.keys(data).length === 0) {
    throw new FakeDbError(`${op}:fail data must be a non-empty object`);
  }
  return data;
};

const checkNoId = (data: Record<string, unknown>, op: string): void => {
  if ('_id' in data) throw new FakeDbError(`${op}:fail _id cannot be updated`);
};

class FakeQuery implements Query<DocumentData> {
  constructor(
    protected readonly db: FakeCloudDb,
    protected readonly name: string,
    protected readonly state: QueryState,
  ) {}

  protected with(change: Partial<QueryState>): FakeQuery {
    return new FakeQuery(this.db, this.name, { ...this.state, ...change });
  }

  where(condition: WhereCondition | LogicCommand): FakeQuery {
    return this.with({ filter: condition });
  }

  orderBy(field: string, direction: OrderDirection): FakeQuery {
    if (direction !== 'asc' && direction !== 'desc') throw new FakeDbError(`orderBy direction "${direction}"`);
    return this.with({ orders: [...this.state.orders, [field, direction]] });
  }

  skip(offset: number): FakeQuery {
    if (!Number.isInteger(offset) || offset < 0) throw new FakeDbError('skip must be a non-negative integer');
    return this.with({ offset });
  }

  limit(max: number): FakeQuery {
    if (!Number.isInteger(max) || max <= 0) throw new FakeDbError('limit must be a positive integer');
    return this.with({ max });
  }

  field(projection: Projection): FakeQuery {
    return this.with({ projection });
  }

  private matching(): StoredDoc[] {
    const { filter } = this.state;
    const rows = [...this.db.rows(this.name).values()];
    return filter === null ? rows : rows.filter((doc) => matches(doc, filter));
  }

  private sorted(docs: StoredDoc[]): StoredDoc[] {
    const { orders } = this.state;
    return [...docs].sort((a, b) => {
      for (const [field, direction] of orders) {
        const x = readPath(a, field);
        const y = readPath(b, field);
        const c = compare(x, y) ?? sortRank(x) - sortRank(y);
        if (c !== 0) return direction === 'asc' ? c : -c;
      }
      return 0;
    });
  }

  async get(): Promise<GetResult<DocumentData>> {
    await this.db.begin('get', this.name);
    const { offset, max, projection } = this.state;
    const page = this.sorted(this.matching()).slice(offset, offset + Math.min(max ?? MAX_GET, MAX_GET));
    const data = page.map((doc) => copy(project(doc, projection))) as Array<WithId<DocumentData>>;
    return { data, errMsg: 'collection.get:ok' };
  }

  async count(): Promise<CountResult> {
    await this.db.begin('count', this.name);
    return { total: this.matching().length, errMsg: 'collection.count:ok' };
  }

  async update(options: { data: Record<string, unknown> }): Promise<UpdateResult> {
    await this.db.begin('update', this.name);
    const data = checkData(options.data, 'collection.update');
    checkNoId(data, 'collection.update');
    let updated = 0;
    for (const doc of this.matching()) if (this.db.applyUpdate(this.name, doc, data)) updated += 1;
    this.db.finish('update');
    return { stats: { updated }, errMsg: 'collection.update:ok' };
  }

  async remove(): Promise<RemoveResult> {
    await this.db.begin('remove', this.name);
    const rows = this.db.rows(this.name);
    const doomed = this.matching();
    for (const doc of doomed) rows.delete(idKey(doc._id));
    this.db.finish('remove');
    return { stats: { removed: doomed.length }, errMsg: 'collection.remove:ok' };
  }
}

class FakeCollection extends FakeQuery implements CollectionReference<DocumentData> {
  doc(id: DocumentId): DocumentReference<DocumentData> {
    if (id === '' || (typeof id !== 'string' && typeof id !== 'number')) {
      throw new FakeDbError('docId must be a non-empty string or a number');
    }
    return new FakeDocument(this.db, this.name, id);
  }

  async add(options: { data: DocumentData & { _id?: DocumentId } }): Promise<AddResult> {
    await this.db.begin('add', this.name);
    const data = this.db.store(checkData(options.data, 'collection.add')) as Record<string, unknown>;
    const given = data._id;
    if (given !== undefined && typeof given !== 'string' && typeof given !== 'number') {
      throw new FakeDbError('collection.add:fail _id must be a string or a number');
    }
    const _id = given ?? randomBytes(16).toString('hex');
    const rows = this.db.rows(this.name);
    if (rows.has(idKey(_id))) throw new FakeDbError(`collection.add:fail duplicate key: _id ${String(_id)}`);
    rows.set(idKey(_id), { ...data, _id });
    this.db.finish('add');
    return { _id, errMsg: 'collection.add:ok' };
  }
}

class FakeDocument implements DocumentReference<DocumentData> {
  constructor(
    private readonly db: FakeCloudDb,
    private readonly name: string,
    private readonly id: DocumentId,
  ) {}

  private current(): StoredDoc | undefined {
    return this.db.rows(this.name).get(idKey(this.id));
  }

  async get(): Promise<{ data: WithId<DocumentData>; errMsg?: string }> {
    await this.db.begin('get', this.name);
    const doc = this.current();
    if (doc === undefined) {
      throw new FakeDbError(`document.get:fail document with _id ${String(this.id)} does not exist`);
    }
    return { data: copy(doc), errMsg: 'document.get:ok' };
  }

  async set(options: { data: DocumentData & { _id?: never } }): Promise<SetResult> {
    await this.db.begin('set', this.name);
    const data = checkData(options.data, 'document.set');
    checkNoId(data, 'document.set');
    const existed = this.current() !== undefined;
    const stored = this.db.store(data) as Record<string, unknown>;
    this.db.rows(this.name).set(idKey(this.id), { ...stored, _id: this.id });
    this.db.finish('set');
    return { _id: this.id, stats: { updated: existed ? 1 : 0, created: existed ? 0 : 1 }, errMsg: 'document.set:ok' };
  }

  async update(options: { data: Record<string, unknown> }): Promise<UpdateResult> {
    await this.db.begin('update', this.name);
    const data = checkData(options.data, 'document.update');
    checkNoId(data, 'document.update');
    const doc = this.current();
    const updated = doc !== undefined && this.db.applyUpdate(this.name, doc, data) ? 1 : 0;
    this.db.finish('update');
    return { stats: { updated }, errMsg: 'document.update:ok' };
  }

  async remove(): Promise<RemoveResult> {
    await this.db.begin('remove', this.name);
    const removed = this.db.rows(this.name).delete(idKey(this.id)) ? 1 : 0;
    this.db.finish('remove');
    return { stats: { removed }, errMsg: 'document.remove:ok' };
  }
}
