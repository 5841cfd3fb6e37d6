import type { OpName } from './wire';

export type FaultKind = 'error' | 'lostReply' | 'hang';

export interface FaultSpec {
  /** Only requests of this action or these (see ACTIONS, e.g. 'database.modifyDocument'); any when absent. */
  action?: string | readonly string[];
  /** Only requests doing this or these (e.g. 'set', or WRITE_OPS for any write); any when absent. */
  op?: OpName | readonly OpName[];
  /** Only requests on this collection; any when absent. */
  collection?: string;
  /**
   * - `error`: the request is not applied and the platform answers with `code`/`message`;
   * - `lostReply`: the request is applied, then the connection is cut before any answer (the SDK rejects);
   * - `hang`: the request is held, neither applied nor answered, until `release()` (then it is applied and
   *   answered, even if the SDK has given up meanwhile) or until the endpoint is reset or closed (then dropped).
   */
  kind: FaultKind;
  /** Matching requests let through before the fault starts: `after: 2` faults the third. Default 0. */
  after?: number;
  /** Matching requests faulted, one after another. Default 1. */
  times?: number;
  /** `error` only: the platform's error code. Default DATABASE_REQUEST_FAILED (errCode -502001). */
  code?: string;
  /** `error` only. */
  message?: string;
}

export interface Fault {
  readonly kind: FaultKind;
  /** Requests this fault has taken so far. */
  readonly hits: number;
  /** Resolves once the fault has taken `count` requests (for `hang`: they are being held). */
  reached(count?: number): Promise<void>;
  /** `hang`: lets the held requests go on, and takes no more. */
  release(): void;
}

/** What a fault looks at in a request. */
export interface FaultTarget {
  action: string;
  op: OpName;
  collection: string;
}

/** What the endpoint does to one request that a fault took. */
export type Verdict =
  | { kind: 'error'; code: string; message: string }
  | { kind: 'lostReply' }
  | { kind: 'hang'; held: Promise<'go' | 'drop'> };

class Rule implements Fault {
  hits = 0;
  ended = false;
  private seen = 0;
  private readonly held: Array<(outcome: 'go' | 'drop') => void> = [];
  private readonly waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(private readonly spec: FaultSpec) {}

  get kind(): FaultKind {
    return this.spec.kind;
  }

  matches({ action, op, collection }: FaultTarget): boolean {
    const { spec } = this;
    const within = <T>(wanted: T | readonly T[] | undefined, value: T) =>
      wanted === undefined || (Array.isArray(wanted) ? wanted.includes(value) : wanted === value);
    return !this.ended && within(spec.action, action) && within(spec.op, op) && within(spec.collection, collection);
  }

  /** Counts a matching request; the verdict when this rule takes it. */
  take(): Verdict | undefined {
    this.seen += 1;
    if (this.seen <= (this.spec.after ?? 0)) return undefined;
    this.hits += 1;
    if (this.hits >= (this.spec.times ?? 1)) this.ended = true;
    for (const w of this.waiters.filter((w) => this.hits >= w.count)) w.resolve();
    switch (this.spec.kind) {
      case 'error':
        return {
          kind: 'error',
          code: this.spec.code ?? 'DATABASE_REQUEST_FAILED',
          message: this.spec.message ?? 'injected fault',
        };
      case 'lostReply':
        return { kind: 'lostReply' };
      case 'hang':
        return { kind: 'hang', held: new Promise((resolve) => this.held.push(resolve)) };
    }
  }

  reached(count = 1): Promise<void> {
    if (this.hits >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }

  release(): void {
    this.ended = true;
    for (const resolve of this.held.splice(0)) resolve('go');
  }

  drop(): void {
    this.ended = true;
    for (const resolve of this.held.splice(0)) resolve('drop');
  }
}

/** Faults to inject, each for the next matching requests; several may be armed at once (the earliest wins). */
export class FaultPlan {
  private rules: Rule[] = [];

  next(spec: FaultSpec): Fault {
    const rule = new Rule(spec);
    this.rules.push(rule);
    return rule;
  }

  /** @internal The verdict for one request, if a fault takes it. */
  take(target: FaultTarget): Verdict | undefined {
    for (const rule of this.rules) {
      if (!rule.matches(target)) continue;
      const verdict = rule.take();
      if (verdict !== undefined) return verdict;
    }
    return undefined;
  }

  /** Lets every held request go on. */
  releaseAll(): void {
    for (const rule of this.rules) rule.release();
  }

  /** Forgets every fault; requests still held are dropped (their connections cut). */
  clear(): void {
    for (const rule of this.rules) rule.drop();
    this.rules = [];
  }
}
