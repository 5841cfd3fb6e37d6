/**
 * Synthetic reading at scale (issue 13, figure 7): 50 speeches (the curated installment cloned), 8 channels, readers
 * who each read 5 times over 30 days, with the flags recording would have set (first today, first ever, site-wide).
 * Deterministic: reader i's events depend on i alone, so the first n readers are the same in every run.
 */
import { loadCatalog } from '../../../backend/content/catalog';
import type { InstallmentFile } from '../../../backend/content/schema';
import { CHANNELS } from '../../../backend/track/channels';
import { dayOf } from '../../../backend/track/day';
import { deltaOf, type ReadEntry, type ReaderArticle, type ReaderState } from '../../../backend/track/model';
import type { TrackCommit, TrackRequest } from '../../../backend/track/port';

export const SPEECHES = 50;
export const DAYS = 30;
export const EVENTS_PER_READER = 5;
export const SCALE_CHANNELS = Object.keys(CHANNELS).slice(0, 8);
const DAY_MS = 86_400_000;

/** The curated installment cloned until there are SPEECHES speeches (ids `b<n>-<k>`). */
export function syntheticCatalog(): InstallmentFile[] {
  const [source] = loadCatalog() as [InstallmentFile];
  const perInstallment = source.articles.length;
  const count = Math.ceil(SPEECHES / perInstallment);
  return Array.from({ length: count }, (_, n) => ({
    ...source,
    id: `bench-${n}`,
    number: n + 1,
    review: [],
    articles: source.articles
      .slice(0, Math.min(perInstallment, SPEECHES - n * perInstallment))
      .map((a, k) => ({ ...a, id: `b${n}-${k}` })),
  }));
}

/** mulberry32: a small seeded generator, so runs are comparable. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ReaderActivity {
  request: TrackRequest;
  commit: TrackCommit;
}

/** Reader i's reads in the DAYS before `now`, as one commit of the track port would store them. */
export function readerActivity(i: number, speeches: readonly string[], now: number): ReaderActivity {
  const rnd = random(i + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const key = `bench-reader-${i}`;
  const times = Array.from({ length: EVENTS_PER_READER }, () => now - Math.floor(rnd() * DAYS * DAY_MS)).sort();
  const seenEver = new Set<string>();
  const seenDay = new Set<string>();
  const articles = new Map<string, ReaderArticle>();
  let siteDay = '';
  const entries = times.map((at, k): ReadEntry => {
    const articleId = pick(speeches);
    const channel = pick(SCALE_CHANNELS);
    const day = dayOf(at);
    const eventId = `bench-${i.toString(36)}-${k}`;
    const entry: ReadEntry = {
      type: 'read',
      eventId,
      articleId,
      at,
      day,
      channel,
      counted: true,
      firstEver: !seenEver.has(articleId),
      firstToday: !seenDay.has(`${day}|${articleId}`),
      share: null,
      unknownShare: false,
      siteFirstToday: siteDay !== day,
      siteFirstEver: k === 0,
      session: eventId,
    };
    seenEver.add(articleId);
    seenDay.add(`${day}|${articleId}`);
    siteDay = day;
    articles.set(articleId, { lastOpenAt: at, session: eventId, sessionChannel: channel, uvDay: day, completed: null });
    return entry;
  });
  const last = entries[entries.length - 1] as ReadEntry;
  const state: ReaderState = {
    rate: { minute: Math.floor(last.at / 60_000), count: 1 },
    ledgerSize: entries.length,
    today: { day: last.day, count: entries.filter((e) => e.day === last.day).length },
    shared: { day: '', keys: [] },
    readDay: last.day,
    articles,
  };
  return {
    request: {
      reader: { key, kind: 'openid' },
      day: last.day,
      eventIds: entries.map((e) => e.eventId),
      articleIds: [...articles.keys()],
      shareIds: [],
      channelCodes: [],
    },
    commit: { state, entries, shares: [], deltas: entries.map((e) => deltaOf(e, 'openid')) },
  };
}
