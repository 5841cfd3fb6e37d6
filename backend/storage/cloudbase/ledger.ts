import type { Database, DocumentData, WithId } from 'wx-server-sdk';
import type { DayKey, LedgerRecord } from '../../track/model';
import type { ArchiveReport } from '../../track/port';
import {
  ARTICLE_STATS,
  type DayEntries,
  dayOfField,
  type LedgerDoc,
  ledgerId,
  READER_PREFIX,
  type ReaderDoc,
  readerId,
} from './documents';
import { ENTRY_BYTES_BOUND, fromEntryDoc } from './entries';
import { bySize, MAX_LIMIT } from './paging';

/** Rounds of re-reading a reader's version before leaving its archived days for the next run. */
const ARCHIVE_ATTEMPTS = 3;

/**
 * Readers archived at once by the timer: each is a few requests in sequence, so one after another 100,000 readers
 * would take hours; in parallel the run is bounded by the database's QPS, and by the run's deadline.
 */
export const ARCHIVE_PARALLEL = 16;

type Range = { from: DayKey | null; to: DayKey };
const inRange = ({ from, to }: Range, day: DayKey) => (from === null || day >= from) && day < to;

export interface LedgerMethods {
  /** Moves the days before `before` of one reader's record to ledger records; the number of entries moved. */
  archiveReader(key: string, before: DayKey): Promise<number>;
  archiveAll(before: DayKey, deadline: number): Promise<ArchiveReport>;
  /** Every ledger entry of the days in `range`, wherever it is kept, each once. */
  read(range: Range): Promise<LedgerRecord[]>;
}

/**
 * The ledger beyond a reader's record. Closed days move from `R_<key>.ev` to one `L_<day>_<key>` record each (the
 * daily timer does it; a write does it first when the timer has not for MAX_HELD_DAYS), so a reader's record stays
 * within a few days of ledger. Reads of it are planned by entry count so that no answer nears 1 MB.
 */
export function createLedgerMethods(db: Database): LedgerMethods {
  const _ = db.command;
  const stats = db.collection<DocumentData>(ARTICLE_STATS);

  const exists = async (id: string) =>
    (await stats.where({ _id: id }).field({ _id: true }).limit(1).get()).data.length > 0;

  /**
   * Ids (and what the projection adds) of every record `where` matches, in pages of small answers, until a page
   * comes back empty: a server that caps `limit` below what was asked still pages through everything.
   */
  async function scan<T>(where: Record<string, unknown>, fields: Record<string, true>): Promise<Array<WithId<T>>> {
    const all: Array<WithId<T>> = [];
    for (let after = ''; ; ) {
      const { data } = await stats
        .where({ ...where, _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field(fields)
        .limit(MAX_LIMIT)
        .get();
      all.push(...(data as Array<WithId<T>>));
      const last = data.at(-1);
      if (last === undefined) return all;
      after = String(last._id);
    }
  }

  async function archiveReader(key: string, before: DayKey): Promise<number> {
    const rid = readerId(key);
    let moved = 0;
    const archived = new Set<string>();
    for (let attempt = 1; attempt <= ARCHIVE_ATTEMPTS; attempt += 1) {
      const { data } = await stats.where({ _id: rid }).field({ kind: true, v: true, n: true }).limit(1).get();
      const doc = data[0] as WithId<Partial<ReaderDoc>> | undefined;
      if (doc === undefined) return moved;
      const counts = doc.n ?? {};
      const closed = Object.keys(counts).filter((field) => dayOfField(field) < before);
      if (closed.length === 0) return moved;
      for (const field of closed) {
        if (archived.has(field)) continue;
        const day = dayOfField(field);
        const { data: held } = await stats
          .where({ _id: rid })
          .field({ [`ev.${field}`]: true })
          .limit(1)
          .get();
        const entries = ((held[0] as Partial<ReaderDoc> | undefined)?.ev?.[field] ?? {}) as DayEntries;
        const record: LedgerDoc = {
          t: 'ledger',
          r: key,
          kind: doc.kind ?? 'openid',
          day,
          n: Object.keys(entries).length,
          ev: { [field]: entries },
        };
        // A closed day no longer changes, so a record already there (an earlier run, or our own add whose answer
        // was lost) holds the same entries.
        await stats.add({ data: { _id: ledgerId(day, key), ...record } }).catch(async (error: unknown) => {
          if (!(await exists(ledgerId(day, key)))) throw error;
        });
        archived.add(field);
        moved += record.n;
      }
      const remaining = Object.keys(counts)
        .filter((field) => !archived.has(field))
        .map(dayOfField)
        .sort();
      const removal = Object.fromEntries(closed.map((field) => [field, _.remove()]));
      const { stats: result } = await stats
        .where({ _id: rid, v: doc.v ?? 0 })
        .update({ data: { v: _.inc(1), ev: removal, n: removal, o: remaining[0] ?? '' } });
      if (result.updated === 1) return moved;
      // The reader wrote meanwhile: read the version again; the days already copied are not copied twice.
    }
    return moved;
  }

  return {
    archiveReader,

    async archiveAll(before, deadline) {
      const readers = await scan<Partial<ReaderDoc>>({ t: 'reader', o: _.gt('').and(_.lt(before)) }, { _id: true });
      let entries = 0;
      let done = 0;
      while (done < readers.length && Date.now() < deadline) {
        const batch = readers.slice(done, done + ARCHIVE_PARALLEL);
        const moved = await Promise.all(
          batch.map((r) => archiveReader(String(r._id).slice(READER_PREFIX.length), before)),
        );
        entries += moved.reduce((a, b) => a + b, 0);
        done += batch.length;
      }
      return { readers: done, entries, left: readers.length - done };
    },

    async read(range) {
      const records: LedgerRecord[] = [];
      const seen = new Set<string>();
      const take = (key: string, kind: LedgerRecord['kind'], ev: Record<string, DayEntries> | undefined) => {
        for (const [field, entries] of Object.entries(ev ?? {})) {
          const day = dayOfField(field);
          if (!inRange(range, day)) continue;
          for (const [id, e] of Object.entries(entries)) {
            // Mid-archive, a day can be in both the reader's record and its ledger record.
            if (seen.has(`${key}|${id}`)) continue;
            seen.add(`${key}|${id}`);
            records.push({ kind, entry: fromEntryDoc(id, day, e) });
          }
        }
      };

      const dayWhere = range.from === null ? _.lt(range.to) : _.gte(range.from).and(_.lt(range.to));
      const archived = await scan<Partial<LedgerDoc>>({ t: 'ledger', day: dayWhere }, { n: true });
      for (const group of bySize(archived, (d) => (d.n ?? 0) * ENTRY_BYTES_BOUND)) {
        const { data } = await stats
          .where({ _id: _.in(group.map((d) => d._id)) })
          .field({ r: true, kind: true, ev: true })
          .limit(group.length)
          .get();
        for (const d of data as Array<WithId<Partial<LedgerDoc>>>) take(d.r ?? '', d.kind ?? 'openid', d.ev);
      }

      // Days not archived yet: the readers whose oldest held day is before the end of the range.
      const holding = await scan<Partial<ReaderDoc>>({ t: 'reader', o: _.gt('').and(_.lt(range.to)) }, { n: true });
      const wanted = holding
        .map((r) => ({
          id: String(r._id),
          fields: Object.keys(r.n ?? {}).filter((field) => inRange(range, dayOfField(field))),
          entries: Object.entries(r.n ?? {})
            .filter(([field]) => inRange(range, dayOfField(field)))
            .reduce((sum, [, count]) => sum + count, 0),
        }))
        .filter((r) => r.fields.length > 0);
      for (const group of bySize(wanted, (r) => r.entries * ENTRY_BYTES_BOUND)) {
        const fields: Record<string, true> = { kind: true };
        for (const r of group) for (const field of r.fields) fields[`ev.${field}`] = true;
        const { data } = await stats
          .where({ _id: _.in(group.map((r) => r.id)) })
          .field(fields)
          .limit(group.length)
          .get();
        for (const d of data as Array<WithId<Partial<ReaderDoc>>>) {
          take(String(d._id).slice(READER_PREFIX.length), d.kind ?? 'openid', d.ev);
        }
      }
      return records;
    },
  };
}
