import type { TrackEvent } from '../../typings/contract';
import { type CloudClient, isFinal } from '../services/cloud';
import { readItem, writeItem } from '../services/storage';
import { MAX_BATCH, RESEND_WITHIN_DAYS } from '../utils/contract.generated';

const KEY = 'esd.queue.v1';
/** When each queued event was first queued, by event id (kept apart so the queue itself keeps its shape). */
const QUEUED_AT_KEY = 'esd.queue.at.v1';
/**
 * How long an event may wait: the server recognises an event sent again for RESEND_WITHIN_DAYS days, so one older
 * than that (less an hour for clocks that disagree) could be counted twice, and is dropped instead.
 */
export const MAX_WAIT_MS = RESEND_WITHIN_DAYS * 24 * 60 * 60 * 1000 - 60 * 60 * 1000;
/** Far more than a reader makes offline; the oldest go first if it ever fills. */
export const MAX_QUEUED = 200;
const FIRST_RETRY_MS = 2_000;
const MAX_RETRY_MS = 5 * 60_000;
/** Over the bound, progress goes first: reads and shares are what the counts are made of. */
function trim(events: TrackEvent[]): TrackEvent[] {
  let excess = events.length - MAX_QUEUED;
  if (excess <= 0) return events;
  const kept = events.filter((e) => !(e.type === 'progress' && excess-- > 0));
  return kept.slice(-MAX_QUEUED);
}

export interface TrackQueueDeps {
  call: CloudClient['call'];
  anonId: () => string;
  /** Runs `fn` after `ms`; returns a function that cancels it. */
  schedule: (fn: () => void, ms: number) => () => void;
  /** ms since the epoch; Date.now unless said. */
  now?: () => number;
}

/**
 * Reading events waiting for the server: kept in storage (they survive a restart and no network),
 * sent in batches, retried with exponential backoff, and removed only once the server answered
 * for them. Nothing here ever reaches the reader.
 */
export class TrackQueue {
  private sending = false;
  private cancelScheduled: (() => void) | null = null;
  private failures = 0;

  constructor(private readonly deps: TrackQueueDeps) {}

  /** What is waiting, oldest first; events too old to be sent safely are dropped on the way. */
  pending(): TrackEvent[] {
    const events = readItem<TrackEvent[]>(KEY) ?? [];
    const now = (this.deps.now ?? Date.now)();
    const queuedAt = readItem<Record<string, number>>(QUEUED_AT_KEY) ?? {};
    // An event queued before times were kept counts from now.
    const times = Object.fromEntries(events.map((e) => [e.eventId, queuedAt[e.eventId] ?? now]));
    const fresh = events.filter((e) => now - (times[e.eventId] ?? now) <= MAX_WAIT_MS);
    const kept = Object.fromEntries(fresh.map((e) => [e.eventId, times[e.eventId] ?? now]));
    if (fresh.length !== events.length) writeItem(KEY, fresh);
    if (Object.keys(kept).length !== Object.keys(queuedAt).length) writeItem(QUEUED_AT_KEY, kept);
    return fresh;
  }

  /**
   * Adds an event. A read goes ahead of the progress that refers to it (the server refuses progress for
   * a read it has not seen); a newer progress of the same read replaces the older one. `urgent` sends at
   * once even during a backoff: a share must be recorded before the friends it was sent to open it.
   */
  enqueue(event: TrackEvent, { urgent = false }: { urgent?: boolean } = {}): void {
    let events = this.pending().filter((e) => e.eventId !== event.eventId);
    if (event.type === 'progress') {
      events = events.filter((e) => !(e.type === 'progress' && e.readEventId === event.readEventId));
    }
    const firstDependent =
      event.type === 'read' ? events.findIndex((e) => e.type === 'progress' && e.readEventId === event.eventId) : -1;
    if (firstDependent >= 0) events.splice(firstDependent, 0, event);
    else events.push(event);
    const kept = trim(events);
    writeItem(KEY, kept);
    const queuedAt = readItem<Record<string, number>>(QUEUED_AT_KEY) ?? {};
    const now = (this.deps.now ?? Date.now)();
    writeItem(QUEUED_AT_KEY, Object.fromEntries(kept.map((e) => [e.eventId, queuedAt[e.eventId] ?? now])));
    if (urgent) this.wake();
    else this.kick(0);
  }

  /** Try again now, not after the pending backoff: the network came back or the app came to the front. */
  wake(): void {
    this.failures = 0;
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    this.kick(0);
  }

  /** Sends everything queued, batch by batch; stops at the first failure and schedules a retry. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    try {
      for (
        let batch = this.pending().slice(0, MAX_BATCH);
        batch.length > 0;
        batch = this.pending().slice(0, MAX_BATCH)
      ) {
        const res = await this.deps.call('track', 'batch', { events: batch, anonId: this.deps.anonId() });
        const done = new Set<string>();
        let retry = !res.ok;
        if (res.ok) {
          for (const r of res.data.results) {
            if (r.ok || isFinal(r.code)) done.add(r.eventId);
            else retry = true;
          }
        } else if (isFinal(res.code)) {
          // The batch as a whole was refused: none of it can ever be accepted as it stands.
          for (const e of batch) done.add(e.eventId);
          retry = false;
        }
        if (done.size > 0)
          writeItem(
            KEY,
            this.pending().filter((e) => !done.has(e.eventId)),
          );
        if (retry) {
          this.failures++;
          this.kick(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (this.failures - 1)));
          return;
        }
        this.failures = 0;
      }
    } finally {
      this.sending = false;
    }
  }

  private kick(delayMs: number): void {
    if (this.cancelScheduled) return;
    this.cancelScheduled = this.deps.schedule(() => {
      this.cancelScheduled = null;
      void this.flush();
    }, delayMs);
  }
}
