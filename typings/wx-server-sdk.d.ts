/**
 * The part of wx-server-sdk this project uses. The package ships no types; these follow the
 * cloud-function (server) side of the official reference. Storage code imports them with `import type` only.
 */
declare module 'wx-server-sdk' {
  // A CommonJS module: `import cloud from 'wx-server-sdk'` for the runtime, `import type { … }` for the types.
  namespace cloud {
    export type DocumentId = string | number;

    /** A stored record: any JSON-like object. `_id` is set by the database or by the caller on `add`. */
    export type DocumentData = Record<string, unknown>;

    export type WithId<T> = T & { _id: DocumentId };

    /** A query operator such as `_.gt(1)`; chainable with `and` / `or` on the same field. */
    export interface QueryCommand {
      readonly operator: string;
      readonly operands: readonly unknown[];
      and(...expressions: QueryCommand[]): LogicCommand;
      or(...expressions: QueryCommand[]): LogicCommand;
    }

    /** `_.and(...)` / `_.or(...)`: combines field operators, or whole conditions at the top level. */
    export interface LogicCommand extends QueryCommand {}

    /** An update operator such as `_.inc(1)`, used as a field value in `update({ data })`. */
    export interface UpdateCommand {
      readonly operator: string;
      readonly operands: readonly unknown[];
    }

    /** Field → literal (equality) or operator; dotted paths reach into nested objects. */
    export type WhereCondition = Record<string, unknown>;

    export interface Command {
      eq(value: unknown): QueryCommand;
      neq(value: unknown): QueryCommand;
      gt(value: unknown): QueryCommand;
      gte(value: unknown): QueryCommand;
      lt(value: unknown): QueryCommand;
      lte(value: unknown): QueryCommand;
      in(values: readonly unknown[]): QueryCommand;
      nin(values: readonly unknown[]): QueryCommand;
      and(...expressions: Array<QueryCommand | WhereCondition | Array<QueryCommand | WhereCondition>>): LogicCommand;
      or(...expressions: Array<QueryCommand | WhereCondition | Array<QueryCommand | WhereCondition>>): LogicCommand;
      inc(value: number): UpdateCommand;
      /** Deletes the field (`$unset`) in `update({ data })`. */
      remove(): UpdateCommand;
    }

    /** `true`/`1` includes a field, `false`/`-1` excludes it. `_id` is always returned unless excluded. */
    export type Projection = Record<string, boolean | 1 | -1>;

    export type OrderDirection = 'asc' | 'desc';

    export interface GetResult<T> {
      data: Array<WithId<T>>;
      errMsg?: string;
    }

    export interface CountResult {
      total: number;
      errMsg?: string;
    }

    export interface AddResult {
      _id: DocumentId;
      errMsg?: string;
    }

    export interface UpdateResult {
      stats: { updated: number };
      errMsg?: string;
    }

    export interface SetResult {
      _id: DocumentId;
      stats: { updated: number; created: number };
      errMsg?: string;
    }

    export interface RemoveResult {
      stats: { removed: number };
      errMsg?: string;
    }

    /**
     * A filtered, sorted, paged view. Each method returns a new query. In a cloud function `get()` returns
     * at most 100 records when no limit is given; `remove()`/`update()` honour only `where`, not skip/limit.
     */
    export interface Query<T extends DocumentData = DocumentData> {
      where(condition: WhereCondition | LogicCommand): Query<T>;
      orderBy(field: string, direction: OrderDirection): Query<T>;
      skip(offset: number): Query<T>;
      limit(max: number): Query<T>;
      field(projection: Projection): Query<Partial<T>>;
      get(): Promise<GetResult<T>>;
      count(): Promise<CountResult>;
      update(options: { data: Record<string, unknown> }): Promise<UpdateResult>;
      remove(): Promise<RemoveResult>;
    }

    export interface DocumentReference<T extends DocumentData = DocumentData> {
      /** Rejects when the record does not exist, unless the database was created with `throwOnNotFound: false`. */
      get(): Promise<{ data: WithId<T>; errMsg?: string }>;
      /** Replaces the whole record, creating it when missing. `data` must not contain `_id`. */
      set(options: { data: T & { _id?: never } }): Promise<SetResult>;
      /** Partial update; nested objects are merged field by field. `stats.updated` is 0 or 1. */
      update(options: { data: Record<string, unknown> }): Promise<UpdateResult>;
      remove(): Promise<RemoveResult>;
    }

    export interface CollectionReference<T extends DocumentData = DocumentData> extends Query<T> {
      doc(id: DocumentId): DocumentReference<T>;
      /** Rejects when `data._id` is given and already taken. */
      add(options: { data: T & { _id?: DocumentId } }): Promise<AddResult>;
    }

    export interface ServerDate {
      readonly offset: number;
    }

    export interface Database {
      collection<T extends DocumentData = DocumentData>(name: string): CollectionReference<T>;
      /** Rejects when the collection exists already (or cannot be made). Only a function may make one. */
      createCollection(name: string): Promise<{ errMsg?: string }>;
      readonly command: Command;
      serverDate(options?: { offset?: number }): ServerDate;
    }

    export interface DatabaseOptions {
      env?: string;
      /** wx-server-sdk ≥ 1.7.0: `false` makes `doc(id).get()` resolve with empty data instead of rejecting. */
      throwOnNotFound?: boolean;
    }

    export interface WXContext {
      OPENID?: string;
      APPID?: string;
      UNIONID?: string;
      ENV?: string;
      /**
       * What started this run, comma-separated along a call chain: `wx_client` (the mini-program), `wx_trigger`
       * (a timer trigger), `wx_crawler`, `wx_http`, `scf` (another function), …
       */
      SOURCE?: string;
    }

    export const DYNAMIC_CURRENT_ENV: unique symbol;

    /** `timeout`: per request to the cloud's services, ms (the SDK's default is 15 000). */
    export function init(options?: { env?: string | typeof DYNAMIC_CURRENT_ENV; timeout?: number }): void;
    export function uploadFile(options: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
    export function getTempFileURL(options: {
      fileList: Array<{ fileID: string; maxAge?: number }>;
    }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number; errMsg?: string }> }>;
    export function getWXContext(): WXContext;
    export function database(options?: DatabaseOptions): Database;
  }

  export = cloud;
}
