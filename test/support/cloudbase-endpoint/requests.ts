import type { FaultKind } from './faults';

export interface RequestRecord {
  /** e.g. 'database.getDocument' (see ACTIONS). */
  action: string;
  collection: string;
  queryType: 'WHERE' | 'DOC';
  /** `getDocument`: the limit the SDK sent (it sends 100 when none is set, and caps at 1000). */
  limit?: number;
  /** The fault injected into this request, if any. */
  fault?: FaultKind;
}

export type RequestFilter = string | { action?: string; collection?: string };

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

  /** Requests so far: all of them, those of one action, or those matching an action and/or a collection. */
  count(filter?: RequestFilter): number {
    if (filter === undefined) return this.list.length;
    const { action, collection } = typeof filter === 'string' ? { action: filter, collection: undefined } : filter;
    return this.list.filter(
      (r) => (action === undefined || r.action === action) && (collection === undefined || r.collection === collection),
    ).length;
  }

  /** Requests so far by action, e.g. `{ 'database.getDocument': 1, 'database.modifyDocument': 2 }`. */
  byAction(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { action } of this.list) counts[action] = (counts[action] ?? 0) + 1;
    return counts;
  }

  clear(): void {
    this.list.length = 0;
  }
}
