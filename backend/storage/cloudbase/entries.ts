import type { DayKey, LedgerEntry } from '../../track/model';
import type { EntryDoc } from './documents';

/** Bits of `f`: a read's decisions, and whether a share was counted. */
const COUNTED = 1;
const FIRST_EVER = 2;
const FIRST_TODAY = 4;
const UNKNOWN_SHARE = 8;
const SITE_FIRST_TODAY = 16;
const SITE_FIRST_EVER = 32;
/** Opened as staff (ReadEntry.staff). */
const STAFF = 64;
/** A share's second bit: made by a reader a share had brought. */
const RESHARE = 2;

const bits = (...flags: Array<[boolean, number]>): number => flags.reduce((f, [on, bit]) => (on ? f | bit : f), 0);
const has = (f: number, bit: number): boolean => (f & bit) !== 0;

/**
 * The most one stored entry takes in an answer, with the longest ids the schemas allow and its key: what paging
 * by answer size counts on (see paging.ts).
 */
export const ENTRY_BYTES_BOUND = 240;

export function toEntryDoc(e: LedgerEntry): EntryDoc {
  const base = { a: e.articleId, t: e.at, c: e.channel };
  switch (e.type) {
    case 'read':
      return {
        y: 'r',
        ...base,
        f: bits(
          [e.counted, COUNTED],
          [e.firstEver, FIRST_EVER],
          [e.firstToday, FIRST_TODAY],
          [e.unknownShare, UNKNOWN_SHARE],
          [e.siteFirstToday === true, SITE_FIRST_TODAY],
          [e.siteFirstEver === true, SITE_FIRST_EVER],
          [e.staff === true, STAFF],
        ),
        x: e.session,
        ...(e.share !== null && { s: e.share }),
      };
    case 'completion':
      return { y: 'c', ...base, f: 0, x: e.session, p: e.readEventId };
    case 'share':
      return {
        y: 's',
        ...base,
        f: bits([e.counted !== false, COUNTED], [e.reshare === true, RESHARE]),
        s: e.shareId,
        g: e.target,
      };
  }
}

export function fromEntryDoc(eventId: string, day: DayKey, d: EntryDoc): LedgerEntry {
  const base = { eventId, articleId: d.a, at: d.t, day, channel: d.c };
  switch (d.y) {
    case 'r':
      return {
        ...base,
        type: 'read',
        counted: has(d.f, COUNTED),
        firstEver: has(d.f, FIRST_EVER),
        firstToday: has(d.f, FIRST_TODAY),
        share: d.s ?? null,
        unknownShare: has(d.f, UNKNOWN_SHARE),
        siteFirstToday: has(d.f, SITE_FIRST_TODAY),
        siteFirstEver: has(d.f, SITE_FIRST_EVER),
        session: d.x ?? eventId,
        ...(has(d.f, STAFF) && { staff: true as const }),
      };
    case 'c':
      return { ...base, type: 'completion', readEventId: d.p ?? '', session: d.x ?? '' };
    case 's':
      return {
        ...base,
        type: 'share',
        shareId: d.s ?? '',
        target: d.g ?? 'chat',
        counted: has(d.f, COUNTED),
        reshare: has(d.f, RESHARE),
      };
  }
}
