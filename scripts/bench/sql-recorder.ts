/**
 * The SQL writes a database receives, as (statement, parameters), grouped by the call that made them: recorded on
 * one run of a handler, replayed directly on a fresh database as the raw limit to compare the handler with.
 */
import type { Database, Statement } from 'better-sqlite3';

export type Write = [sql: string, params: unknown[]];

export interface Recorder {
  /** Starts a new group: the writes of the next call. */
  next(): void;
  groups: Write[][];
}

/** Records every write statement prepared on `db` from now on (prepare before the stores are made). */
export function recordWrites(db: Database): Recorder {
  const groups: Write[][] = [[]];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql) as Statement<unknown[]>;
    if (statement.reader) return statement;
    const run = statement.run.bind(statement);
    statement.run = (...params: unknown[]) => {
      groups[groups.length - 1]?.push([sql, params]);
      return run(...params);
    };
    return statement;
  }) as Database['prepare'];
  return {
    groups,
    next: () => {
      groups.push([]);
    },
  };
}

/** Replays each group in its own IMMEDIATE transaction, as applyEvents commits; resolves to the milliseconds taken. */
export function replay(db: Database, groups: readonly Write[][]): number {
  const statements = new Map<string, Statement<unknown[]>>();
  const statement = (sql: string) => {
    let s = statements.get(sql);
    if (s === undefined) {
      s = db.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  for (const group of groups) for (const [sql] of group) statement(sql);
  const commit = db.transaction((group: readonly Write[]) => {
    for (const [sql, params] of group) statement(sql).run(...params);
  });
  const start = performance.now();
  for (const group of groups) commit.immediate(group);
  return performance.now() - start;
}
