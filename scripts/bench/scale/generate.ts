/**
 * Writes synthetic readers into a SQLite database through the track port's own write path — `applyEvents` for each
 * reader's state and ledger entries, `adjustCounters` for the counters they add (summed per cell for the batch) —
 * many readers per transaction: what a million handler calls would leave, without a million calls.
 */
import type { Database } from 'better-sqlite3';
import { byArticle, type CounterDelta } from '../../../backend/track/model';
import type { TrackStore } from '../../../backend/track/port';
import { readerActivity } from './synthetic';

const READERS_PER_TRANSACTION = 5_000;

/** Readers [from, to) written; resolves when every one is stored. */
export async function writeReaders(
  db: Database,
  track: TrackStore,
  speeches: readonly string[],
  now: number,
  from: number,
  to: number,
): Promise<void> {
  for (let start = from; start < to; start += READERS_PER_TRANSACTION) {
    const end = Math.min(to, start + READERS_PER_TRANSACTION);
    const pending: Array<Promise<unknown>> = [];
    const deltas: CounterDelta[] = [];
    // An outer transaction: each call inside it runs as a savepoint of it, one commit per batch.
    db.transaction(() => {
      for (let i = start; i < end; i++) {
        const { request, commit } = readerActivity(i, speeches, now);
        deltas.push(...commit.deltas);
        pending.push(track.applyEvents(request, () => ({ result: null, commit: { ...commit, deltas: [] } })));
      }
      const summed = byArticle(deltas).flatMap(({ articleId, cells, totals }) => [
        { articleId, cell: null, totals },
        ...cells.map((cell) => ({ articleId, cell, totals: {} })),
      ]);
      pending.push(track.adjustCounters(summed));
    })();
    await Promise.all(pending);
  }
}
