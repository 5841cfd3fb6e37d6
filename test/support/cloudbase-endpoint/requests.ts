import type { FaultKind } from './faults';
import type { OpName, RecordOp } from './wire';

export interface RequestRecord {
  /** e.g. 'database.getDocument' (see ACTIONS). */
  action: string;
  /** Absent for a request the endpoint refused before reading it (a bad body, an action it does not answer). */
  op?: OpName;
  collection: string;
  queryType: 'WHERE' | 'DOC';
  /** `getDocument`: the limit the SDK sent (it sends 100 when none is set, and caps at 1000). */
  limit?: number;
  /** The fault injected into this request, if any. */
  fault?: FaultKind;
  /**
   * Bytes of the answer's body as sent (a refusal's too); absent while the request is held, for one whose
   * connection was cut without an answer, and for one refused before it was read. An answer over
   * `maxResponseBytes` is never sent: its refusal is.
   */
  answerBytes?: number;
}

export type RequestFilter = string | { action?: string; op?: OpName; collection?: string };

/** Every database request the endpoint received, in order: each is a billed round trip on the platform. */
export class RequestLog {
  private readonly list: RequestRecord[] = [];

  get entries(): readonly RequestRecord[] {
    return this.list;
  }

  /** @internal */
  record(entry: RequestRecord): void {
    this.list.push(entry);
  }

  /** Requests so far: all of them, those of one action, or those matching an action, op and/or collection. */
  count(filter?: RequestFilter): number {
    if (filter === undefined) return this.list.length;
    const { action, op, collection } = typeof filter === 'string' ? { action: filter } : filter;
    return this.list.filter(
      (r) =>
        (action === undefined || r.action === action) &&
        (op === undefined || r.op === op) &&
        (collection === undefined || r.collection === collection),
    ).length;
  }

  /**
   * Requests so far by record op, every one present: `{ get: 1, count: 0, add: 1, set: 0, update: 1, remove: 0 }`
   * (collections made are counted by `count({ op: 'createCollection' })`).
   */
  byOp(): Record<RecordOp, number> {
    const counts: Record<RecordOp, number> = { get: 0, count: 0, add: 0, set: 0, update: 0, remove: 0 };
    for (const { op } of this.list) if (op !== undefined && op !== 'createCollection') counts[op] += 1;
    return counts;
  }

  /** Requests so far by action, e.g. `{ 'database.getDocument': 1, 'database.modifyDocument': 2 }`. */
  byAction(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { action } of this.list) counts[action] = (counts[action] ?? 0) + 1;
    return counts;
  }

  /** The largest answer sent so far, in bytes (0 when none was). */
  largestAnswer(): number {
    return this.list.reduce((max, r) => Math.max(max, r.answerBytes ?? 0), 0);
  }

  clear(): void {
    this.list.length = 0;
  }
}
