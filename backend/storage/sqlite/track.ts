import type { Database, Statement } from 'better-sqlite3';
import {
  type CounterDelta,
  DAILY_COUNTERS,
  type LedgerEntry,
  type ReaderArticle,
  type ReaderKind,
  type ReaderState,
  type ShareRecord,
  TOTAL_COUNTERS,
} from '../../track/model';
import type { CountableArticle, TrackCommit, TrackRequest, TrackSnapshot, TrackStore } from '../../track/port';
import { countsOf, DAILY_COLUMNS, paramsOf, TOTAL_COLUMNS } from './columns';

interface ReaderRow {
  kind: ReaderKind;
  rate_minute: number;
  rate_count: number;
  ledger_size: number;
  today_day: string;
  today_count: number;
  shared_day: string;
  shared_keys: string;
  read_day: string;
  staff: number;
}
interface ReaderArticleRow {
  article_id: string;
  last_open_at: number;
  session: string;
  session_channel: string;
  uv_day: string;
  completed: string | null;
  via_share: number;
}
interface ShareRow {
  share_id: string;
  article_id: string;
  reader: string;
  event_id: string;
  at: number;
}
interface CountableRow {
  article_id: string;
  pv: number;
  reading_minutes: number;
}
type CounterRow = Record<string, number | string>;

/** One bound JSON array instead of one parameter per id: no limit on how many ids are asked for. */
const IN_LIST = 'IN (SELECT value FROM json_each(?))';

/**
 * A SELECT of the rows whose `column` is one of some ids (after the statement's other parameters): none asked, none
 * read; one id by `= ?` (the usual event names one speech, one entry: json_each would cost more than the row); more
 * through `IN_LIST`. Both statements prepared once.
 */
function selectByIds<P extends unknown[], R>(db: Database, sql: (test: string) => string) {
  const one = db.prepare<[...P, string], R>(sql('= ?'));
  const many = db.prepare<[...P, string], R>(sql(IN_LIST));
  return (ids: readonly string[], ...params: P): R[] => {
    if (ids.length === 0) return [];
    if (ids.length === 1) return one.all(...params, ids[0] as string);
    return many.all(...params, JSON.stringify(ids));
  };
}
const incrementAll = (columns: string[]) => columns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ');

/** A reader's per-speech state, as a reader (`track_reader_articles`) or as staff (`track_reader_staff_articles`). */
function readerArticleStatements(db: Database, table: string) {
  return {
    select: selectByIds<[string], ReaderArticleRow>(
      db,
      (test) => `SELECT article_id, last_open_at, session, session_channel, uv_day, completed, via_share
       FROM ${table} WHERE reader = ? AND article_id ${test}`,
    ),
    upsert: db.prepare(`
      INSERT INTO ${table}
        (reader, article_id, last_open_at, session, session_channel, uv_day, completed, via_share)
      VALUES (@reader, @article_id, @last_open_at, @session, @session_channel, @uv_day, @completed, @via_share)
      ON CONFLICT (reader, article_id) DO UPDATE SET
        last_open_at = excluded.last_open_at, session = excluded.session, session_channel = excluded.session_channel,
        uv_day = excluded.uv_day, completed = excluded.completed, via_share = excluded.via_share
    `),
  };
}

const toReaderArticle = (a: ReaderArticleRow): [string, ReaderArticle] => [
  a.article_id,
  {
    lastOpenAt: a.last_open_at,
    session: a.session,
    sessionChannel: a.session_channel,
    uvDay: a.uv_day,
    completed: a.completed,
    ...(a.via_share === 1 && { viaShare: true }),
  },
];

/**
 * Reading analytics over SQLite. Every `applyEvents` is one IMMEDIATE transaction — snapshot, decision, ledger,
 * reader state and counters together — so it never races and never leaves drift.
 */
export function createTrackStore(db: Database): TrackStore {
  const selectReader = db.prepare<[string], ReaderRow>(
    `SELECT kind, rate_minute, rate_count, ledger_size, today_day, today_count, shared_day, shared_keys, read_day, staff
     FROM track_readers WHERE reader = ?`,
  );
  const readerArticles = readerArticleStatements(db, 'track_reader_articles');
  const staffArticles = readerArticleStatements(db, 'track_reader_staff_articles');
  const markReader = db.prepare<{ reader: string; staff: number }>(`
    INSERT INTO track_readers (reader, kind, rate_minute, rate_count, ledger_size, staff)
    VALUES (@reader, 'openid', 0, 0, 0, @staff)
    ON CONFLICT (reader) DO UPDATE SET staff = excluded.staff
  `);
  const selectEntries = selectByIds<[string], { json: string }>(
    db,
    (test) => `SELECT json FROM track_ledger WHERE reader = ? AND event_id ${test}`,
  );
  const selectShares = selectByIds<[], ShareRow>(
    db,
    (test) => `SELECT share_id, article_id, reader, event_id, at FROM track_shares WHERE share_id ${test}`,
  );
  const selectChannels = selectByIds<[], { code: string }>(
    db,
    (test) => `SELECT code FROM channels WHERE code ${test}`,
  );
  const selectCountable = selectByIds<[], CountableRow>(
    db,
    (test) => `SELECT article_id, pv, reading_minutes FROM article_stats WHERE countable = 1 AND article_id ${test}`,
  );
  const selectCounts = db.prepare<[string], { article_id: string; pv: number }>(
    `SELECT article_id, pv FROM article_stats WHERE article_id ${IN_LIST}`,
  );
  const upsertCountable = db.prepare<[{ article_id: string; reading_minutes: number; countable: number }]>(`
    INSERT INTO article_stats (article_id, reading_minutes, countable) VALUES (@article_id, @reading_minutes, @countable)
    ON CONFLICT (article_id) DO UPDATE SET
      reading_minutes = excluded.reading_minutes, countable = excluded.countable
  `);
  const upsertReader = db.prepare(`
    INSERT INTO track_readers
      (reader, kind, rate_minute, rate_count, ledger_size, today_day, today_count, shared_day, shared_keys, read_day)
    VALUES
      (@reader, @kind, @rate_minute, @rate_count, @ledger_size, @today_day, @today_count, @shared_day, @shared_keys,
       @read_day)
    ON CONFLICT (reader) DO UPDATE SET
      rate_minute = excluded.rate_minute, rate_count = excluded.rate_count, ledger_size = excluded.ledger_size,
      today_day = excluded.today_day, today_count = excluded.today_count,
      shared_day = excluded.shared_day, shared_keys = excluded.shared_keys, read_day = excluded.read_day
  `);
  const insertEntry = db.prepare<[string, string, string, string]>(
    'INSERT INTO track_ledger (reader, event_id, day, json) VALUES (?, ?, ?, ?)',
  );
  const insertShare = db.prepare(
    'INSERT INTO track_shares (share_id, article_id, reader, event_id, at) VALUES (@share_id, @article_id, @reader, @event_id, @at)',
  );
  const addCell = db.prepare(`
    INSERT INTO article_daily (day, article_id, channel, ${DAILY_COLUMNS.join(', ')})
    VALUES (@day, @article_id, @channel, ${DAILY_COLUMNS.map((c) => `@${c}`).join(', ')})
    ON CONFLICT (day, article_id, channel) DO UPDATE SET ${incrementAll(DAILY_COLUMNS)}
  `);
  const addTotals = db.prepare(`
    INSERT INTO article_stats (article_id, ${TOTAL_COLUMNS.join(', ')})
    VALUES (@article_id, ${TOTAL_COLUMNS.map((c) => `@${c}`).join(', ')})
    ON CONFLICT (article_id) DO UPDATE SET ${incrementAll(TOTAL_COLUMNS)}
  `);
  type Range = [{ from: string | null; to: string }];
  const selectLedger = db.prepare<Range, { kind: ReaderKind; json: string }>(`
    SELECT r.kind, l.json FROM track_ledger l JOIN track_readers r ON r.reader = l.reader
    WHERE (@from IS NULL OR l.day >= @from) AND l.day < @to
  `);
  const selectCells = db.prepare<Range, CounterRow>(
    'SELECT * FROM article_daily WHERE (@from IS NULL OR day >= @from) AND day < @to',
  );
  const selectTotals = db.prepare<[], CounterRow>(`SELECT article_id, ${TOTAL_COLUMNS.join(', ')} FROM article_stats`);
  const selectChannelTotals = db.prepare<[], CounterRow>(`
    SELECT article_id, channel, ${DAILY_COLUMNS.map((c) => `SUM(${c}) AS ${c}`).join(', ')}
    FROM article_daily GROUP BY article_id, channel
  `);

  const load = ({ reader, eventIds, articleIds, shareIds, channelCodes }: TrackRequest): TrackSnapshot => {
    const row = selectReader.get(reader.key);
    const state: ReaderState | null =
      row === undefined
        ? null
        : {
            rate: { minute: row.rate_minute, count: row.rate_count },
            ledgerSize: row.ledger_size,
            today: { day: row.today_day, count: row.today_count },
            shared: { day: row.shared_day, keys: JSON.parse(row.shared_keys) as string[] },
            readDay: row.read_day,
            articles: new Map(readerArticles.select(articleIds, reader.key).map(toReaderArticle)),
          };
    const asStaff = row === undefined ? [] : staffArticles.select(articleIds, reader.key);
    if (state !== null && asStaff.length > 0) state.staffArticles = new Map(asStaff.map(toReaderArticle));
    const entries = new Map(
      selectEntries(eventIds, reader.key).map(({ json }) => {
        const entry = JSON.parse(json) as LedgerEntry;
        return [entry.eventId, entry];
      }),
    );
    const shares = new Map(
      selectShares(shareIds).map((s): [string, ShareRecord] => [
        s.share_id,
        { shareId: s.share_id, articleId: s.article_id, reader: s.reader, eventId: s.event_id, at: s.at },
      ]),
    );
    const channels = new Set(selectChannels(channelCodes).map((r) => r.code));
    return { state, entries, shares, articles: countable(articleIds), channels, staff: row?.staff === 1 };
  };

  const countable = (ids: string[]): Map<string, CountableArticle> =>
    new Map(selectCountable(ids).map((r) => [r.article_id, { readCount: r.pv, readingMinutes: r.reading_minutes }]));

  const persistDelta = ({ articleId, cell, totals }: CounterDelta) => {
    if (cell !== null) {
      addCell.run({
        day: cell.day,
        article_id: articleId,
        channel: cell.channel,
        ...paramsOf(cell.add, DAILY_COUNTERS),
      });
    }
    addTotals.run({ article_id: articleId, ...paramsOf(totals, TOTAL_COUNTERS) });
  };

  const persist = (request: TrackRequest, { state, entries, shares, deltas }: TrackCommit) => {
    const reader = request.reader.key;
    upsertReader.run({
      reader,
      kind: request.reader.kind,
      rate_minute: state.rate.minute,
      rate_count: state.rate.count,
      ledger_size: state.ledgerSize,
      today_day: state.today.day,
      today_count: state.today.count,
      shared_day: state.shared.day,
      shared_keys: JSON.stringify(state.shared.keys),
      read_day: state.readDay,
    });
    const saveArticles = (upsert: Statement, articles: Map<string, ReaderArticle>) => {
      for (const [articleId, a] of articles) {
        upsert.run({
          reader,
          article_id: articleId,
          last_open_at: a.lastOpenAt,
          session: a.session,
          session_channel: a.sessionChannel,
          uv_day: a.uvDay,
          completed: a.completed,
          via_share: a.viaShare === true ? 1 : 0,
        });
      }
    };
    saveArticles(readerArticles.upsert, state.articles);
    saveArticles(staffArticles.upsert, state.staffArticles ?? new Map());
    for (const entry of entries) insertEntry.run(reader, entry.eventId, entry.day, JSON.stringify(entry));
    for (const s of shares) {
      insertShare.run({
        share_id: s.shareId,
        article_id: s.articleId,
        reader: s.reader,
        event_id: s.eventId,
        at: s.at,
      });
    }
    for (const d of deltas) persistDelta(d);
  };

  const apply = db.transaction(
    (request: TrackRequest, decide: (snapshot: TrackSnapshot) => { result: unknown; commit: TrackCommit | null }) => {
      const { result, commit } = decide(load(request));
      if (commit !== null) persist(request, commit);
      return result;
    },
  );

  const snapshot = db.transaction((from: string | null, to: string) => ({
    entries: selectLedger.all({ from, to }).map(({ kind, json }) => ({ kind, entry: JSON.parse(json) as LedgerEntry })),
    cells: selectCells.all({ from, to }).map((row) => ({
      day: String(row.day),
      articleId: String(row.article_id),
      channel: String(row.channel),
      counts: countsOf(row, DAILY_COUNTERS),
    })),
    totals: new Map(selectTotals.all().map((row) => [String(row.article_id), countsOf(row, TOTAL_COUNTERS)])),
    channelTotals: selectChannelTotals.all().map((row) => ({
      articleId: String(row.article_id),
      channel: String(row.channel),
      counts: countsOf(row, DAILY_COUNTERS),
    })),
  }));

  const setCountable = db.transaction((articles: Array<{ id: string; readingMinutes: number }>, on: boolean) => {
    for (const a of articles) {
      upsertCountable.run({ article_id: a.id, reading_minutes: a.readingMinutes, countable: on ? 1 : 0 });
    }
  });
  const adjust = db.transaction((deltas: CounterDelta[]) => {
    for (const d of deltas) persistDelta(d);
  });

  return {
    async setCountable(articles, on) {
      setCountable(articles, on);
    },
    async countable(ids) {
      return countable(ids);
    },
    async readCounts(ids) {
      const counts = new Map(ids.map((id) => [id, 0]));
      if (ids.length === 0) return counts;
      for (const row of selectCounts.all(JSON.stringify(ids))) counts.set(row.article_id, row.pv);
      return counts;
    },
    async applyEvents(request, decide) {
      return apply.immediate(request, decide) as ReturnType<typeof decide>['result'];
    },
    async reconcileSnapshot({ from, to }) {
      return snapshot(from, to);
    },
    async adjustCounters(deltas) {
      adjust(deltas);
    },
    async markStaff(key, staff) {
      markReader.run({ reader: key, staff: staff ? 1 : 0 });
    },
    async archiveLedger() {
      // The ledger is a table of its own here: nothing grows with the reader.
      return { readers: 0, entries: 0, left: 0 };
    },
  };
}
