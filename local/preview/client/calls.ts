/** Every cloud call the app made, for the side panel ("what did the app send?") and for the e2e run. */

export type Outcome = 'pending' | 'ok' | 'failed' | 'offline';

export interface CallRecord {
  seq: number;
  at: number;
  /** Who made it: an identity label, or that label plus "（无 openid）" in single-page mode. */
  who: string;
  name: string;
  action: string;
  input: unknown;
  outcome: Outcome;
  /** The envelope's code for a failed call. */
  code?: string;
  result?: unknown;
}

const KEY = 'wxpreview.calls';
const MAX = 200;

/** Kept in sessionStorage, so a reader switch (a reload) does not lose what the previous reader sent. */
export class CallLog {
  private records: CallRecord[];
  private readonly listeners = new Set<() => void>();

  constructor() {
    try {
      this.records = JSON.parse(sessionStorage.getItem(KEY) ?? '[]') as CallRecord[];
    } catch {
      this.records = [];
    }
    // A call that was in flight when the page reloaded never got its answer here.
    for (const r of this.records) if (r.outcome === 'pending') r.outcome = 'failed';
  }

  all(): readonly CallRecord[] {
    return this.records;
  }

  start(who: string, name: string, data: unknown): CallRecord {
    const { action = '?', input } = (data ?? {}) as { action?: string; input?: unknown };
    const record: CallRecord = {
      seq: (this.records.at(-1)?.seq ?? 0) + 1,
      at: Date.now(),
      who,
      name,
      action,
      input,
      outcome: 'pending',
    };
    this.records = [...this.records, record].slice(-MAX);
    this.changed();
    return record;
  }

  finish(record: CallRecord, outcome: Outcome, result?: unknown): void {
    record.outcome = outcome;
    if (result !== undefined) {
      record.result = result;
      const envelope = result as { ok?: boolean; code?: string };
      if (envelope.ok === false) {
        record.outcome = 'failed';
        record.code = envelope.code;
      }
    }
    this.changed();
  }

  clear(): void {
    this.records = [];
    this.changed();
  }

  subscribe(listener: () => void): void {
    this.listeners.add(listener);
  }

  private changed(): void {
    try {
      sessionStorage.setItem(KEY, JSON.stringify(this.records));
    } catch {
      // the log is a convenience
    }
    for (const listener of this.listeners) listener();
  }
}

/** One line per call for the panel: `track/batch read×1 progress×2 → ok`. */
export function describe(record: CallRecord): string {
  const input = (record.input ?? {}) as {
    events?: Array<{ type: string }>;
    id?: string;
    articleId?: string;
    q?: string;
  };
  let detail = '';
  if (Array.isArray(input.events)) {
    const counts = new Map<string, number>();
    for (const e of input.events) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
    detail = [...counts].map(([type, n]) => `${type}×${n}`).join(' ');
  } else {
    detail = input.id ?? input.articleId ?? input.q ?? '';
  }
  const outcome =
    record.outcome === 'failed' ? (record.code ?? 'fail') : record.outcome === 'offline' ? '断网' : record.outcome;
  return `${record.name}/${record.action} ${detail} → ${outcome}`;
}
