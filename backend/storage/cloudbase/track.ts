import type { Database } from 'wx-server-sdk';
import { addDays } from '../../track/day';
import { byArticle, fullCounts, TOTAL_COUNTERS } from '../../track/model';
import { ReaderBusyError, type TrackStore } from '../../track/port';
import { createCounterMethods } from './counters';
import { MAX_HELD_DAYS } from './documents';
import { createLedgerMethods } from './ledger';
import { createReaderMethods } from './readers';

/** Rounds of snapshot → decide → conditional write before giving up on a reader whose record keeps changing. */
const MAX_ATTEMPTS = 8;
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 4 * attempt));

/** Days of `[from, to)`, or null for a range with no start. */
function daysOf(from: string | null, to: string): string[] | null {
  if (from === null) return null;
  const days: string[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * Reading analytics over the CloudBase database, all in the `article_stats` collection. A call costs one `get` for
 * its snapshot (see readers.ts), one conditional `update` (or `add` for a new reader) for the ledger and reader
 * state, one `update` per article for its counters, and one `add` per new share. The reader write is the commit
 * point; counters follow (see ARCHITECTURE.md for why not a transaction), and `reconcile` repairs a counter update
 * that failed after it.
 *
 * A request can succeed with its answer lost. Counters are therefore only ever moved by `_.inc` on a record that
 * exists (created zeroed when the speech is made countable), never created holding a delta, so no write is ever
 * repeated with its delta; and every reader write carries a random token `w`, so after a failed reader write one
 * read tells whether it landed (then the call goes on to its counters) or not.
 */
export function createTrackStore(db: Database): TrackStore {
  const counters = createCounterMethods(db);
  const readers = createReaderMethods(db);
  const ledger = createLedgerMethods(db);

  return {
    setCountable: counters.setCountable,
    countable: counters.countable,
    readCounts: counters.readCounts,

    async applyEvents(request, decide) {
      for (let attempt = 1; ; attempt += 1) {
        const loaded = await readers.load(request);
        const { oldest } = loaded.held;
        if (oldest !== '' && oldest < addDays(request.day, -MAX_HELD_DAYS)) {
          // The daily archive has not run for a week: make room first, then decide on a fresh snapshot.
          await ledger.archiveReader(request.reader.key, addDays(request.day, -1));
          // Bounded like a lost race: an archive that could not move the oldest day must not spin the call forever.
          if (attempt >= MAX_ATTEMPTS) throw new ReaderBusyError();
          continue;
        }
        const { result, commit } = decide(loaded.snapshot);
        if (commit === null) return result;
        if (await readers.write(request, loaded, commit)) {
          await counters.addAll(byArticle(commit.deltas));
          return result;
        }
        if (attempt >= MAX_ATTEMPTS) throw new ReaderBusyError();
        await pause(attempt);
      }
    },

    async reconcileSnapshot({ from, to }) {
      // Counters are read before the ledger, so a count made meanwhile is in the ledger and shows as drift to add,
      // never as a count the ledger lacks.
      const days = daysOf(from, to);
      const read = await counters.forReconcile(days);
      const entries = await ledger.read({ from, to });
      return {
        entries,
        cells: read.cells.filter((c) => (from === null || c.day >= from) && c.day < to),
        totals: new Map(read.totals.map((d) => [String(d._id), fullCounts(TOTAL_COUNTERS, d)])),
        channelTotals: read.channelTotals,
      };
    },

    async adjustCounters(deltas) {
      await counters.addAll(byArticle(deltas));
    },

    archiveLedger: ledger.archiveAll,
    markStaff: readers.markStaff,
  };
}
