import { BSONRegExp, EJSON } from 'bson';

/**
 * What @cloudbase/database (under wx-server-sdk) POSTs for one database call: a JSON body whose `action` names the
 * operation and whose `query`, `data`, `order` and `projection` are canonical EJSON strings (`add` sends `data` as
 * an array of them). Answers are `{ data, requestId }`, or `{ code, message, requestId }` for a failure.
 */

export type DocId = string | number;
export type Doc = Record<string, unknown>;
export type StoredDoc = Doc & { _id: DocId };

export const ACTIONS = {
  get: 'database.getDocument',
  count: 'database.calculateDocument',
  add: 'database.insertDocument',
  modify: 'database.modifyDocument',
  remove: 'database.removeDocument',
  /** `db.createCollection(name)`. */
  addCollection: 'database.addCollection',
} as const;

/** What a request does, in the terms of the SDK's calls (modifyDocument is a `set` when it replaces the record). */
export type OpName = RecordOp | 'createCollection';

/** What a request does to records. */
export type RecordOp = 'get' | 'count' | 'add' | 'set' | 'update' | 'remove';

export const WRITE_OPS: readonly OpName[] = ['add', 'set', 'update', 'remove'];

export interface WireRequest {
  action: string;
  envName: string;
  collectionName: string;
  queryType: 'WHERE' | 'DOC';
  query: Doc;
  /** `insertDocument`: the records; `modifyDocument`: operators (merge) or a replacement. */
  data: Doc | Doc[] | undefined;
  order: Record<string, 1 | -1> | undefined;
  projection: Record<string, 0 | 1> | undefined;
  offset: number;
  limit: number | undefined;
  multi: boolean;
  merge: boolean;
  upsert: boolean;
}

/**
 * A failure as the platform reports it. wx-server-sdk turns `code` into `errCode` through its TCB_ERR_CODE table
 * (DATABASE_REQUEST_FAILED → -502001, DATABASE_COLLECTION_NOT_EXIST → -502005, …; a code not in it → -501001)
 * and puts `message` in `errMsg`.
 */
export class PlatformError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

const isPlainObject = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * EJSON (relaxed) gives numbers and Dates; what else it gives is made into what mingo understands. `db.serverDate()`
 * arrives as `{ $tcb_server_date: { offset } }` and is stored as the endpoint's clock plus the offset.
 */
function toPlain(value: unknown, now: () => Date): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options);
  if (Array.isArray(value)) return value.map((v) => toPlain(v, now));
  if (!isPlainObject(value)) return value;
  const serverDate = value.$tcb_server_date;
  if (isPlainObject(serverDate) && Object.keys(value).length === 1) {
    return new Date(now().getTime() + Number(serverDate.offset ?? 0));
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v, now)]));
}

const parseEjson = (text: unknown, what: string, now: () => Date): unknown => {
  if (text === undefined) return undefined;
  if (typeof text !== 'string') throw new PlatformError('INVALID_PARAM', `${what} must be an EJSON string`);
  try {
    return toPlain(EJSON.parse(text, { relaxed: true }), now);
  } catch (error) {
    throw new PlatformError('INVALID_PARAM', `${what} is not valid EJSON: ${(error as Error).message}`);
  }
};

const objectOf = (value: unknown, what: string): Doc => {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new PlatformError('INVALID_PARAM', `${what} must be an object`);
  return value;
};

/** The request a body asks for; throws PlatformError for an action not answered here or a malformed body. */
export function decodeRequest(body: Doc, now: () => Date): WireRequest {
  const { action, envName, collectionName } = body;
  if (typeof action !== 'string') throw new PlatformError('INVALID_ACTION', 'action is missing');
  if (!(Object.values(ACTIONS) as string[]).includes(action)) {
    throw new PlatformError('INVALID_ACTION', `action ${action} is not supported by the local endpoint`);
  }
  if (typeof collectionName !== 'string' || collectionName === '') {
    throw new PlatformError('INVALID_PARAM', 'collectionName is missing');
  }
  const data = Array.isArray(body.data)
    ? body.data.map((d, i) => objectOf(parseEjson(d, `data[${i}]`, now), `data[${i}]`))
    : body.data === undefined
      ? undefined
      : objectOf(parseEjson(body.data, 'data', now), 'data');
  return {
    action,
    envName: typeof envName === 'string' ? envName : '',
    collectionName,
    queryType: body.queryType === 'DOC' ? 'DOC' : 'WHERE',
    query: objectOf(parseEjson(body.query, 'query', now), 'query'),
    data,
    order: parseEjson(body.order, 'order', now) as WireRequest['order'],
    projection: parseEjson(body.projection, 'projection', now) as WireRequest['projection'],
    offset: typeof body.offset === 'number' ? body.offset : 0,
    limit: typeof body.limit === 'number' ? body.limit : undefined,
    multi: body.multi !== false,
    merge: body.merge === true,
    upsert: body.upsert === true,
  };
}

export function opOf({ action, merge }: Pick<WireRequest, 'action' | 'merge'>): OpName {
  switch (action) {
    case ACTIONS.get:
      return 'get';
    case ACTIONS.count:
      return 'count';
    case ACTIONS.add:
      return 'add';
    case ACTIONS.remove:
      return 'remove';
    case ACTIONS.addCollection:
      return 'createCollection';
    default:
      return merge ? 'update' : 'set';
  }
}

/** One record as `getDocument` lists it: relaxed EJSON, i.e. plain JSON numbers and Dates as `{ $date }`. */
export const encodeDoc = (doc: Doc): string => EJSON.stringify(doc, { relaxed: true });

export const answer = (requestId: string, data: unknown): string => JSON.stringify({ data, requestId });

export const failure = (requestId: string, error: PlatformError): string =>
  JSON.stringify({ code: error.code, message: error.message, requestId });
