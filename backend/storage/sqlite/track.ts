import type { Database } from 'better-sqlite3';
import {
  DAILY_COUNTERS,
  type DailyCounter,
  type DailyCounts,
  type LedgerEntry,
  type ReaderArticle,
  type ReaderKind,
  type ReaderState,
  type ShareRecord,
  type Store,
  type TallyDelta,
  TOTAL_OF,
  type TotalCounter,
  type TotalCounts,
  type TrackCommit,
  type TrackRequest,
  type TrackSnapshot,
} from '../port';

type TrackMethods = Pick<Store, 'applyEvents' | 'tallySnapshot' | 'adjustCounters'>;

const TOTALS = Object.keys(TOTAL_OF) as TotalCounter[];

const DAILY_COLUMN: Record<DailyCounter, string> = {
  pv: 'pv',
  uv: 'uv',
  newUv: 'new_uv',
  anonPv: 'anon_pv',
  anonUv: 'anon_uv',
  newAnonUv: 'new_anon_uv',
  shares: 'shares',
  shareReads: 'share_reads',
  unknownShareReads: 'unknown_share_reads',
  completions: 'completions',
};
const TOTAL_COLUMN: Record<TotalCounter, string> = {
  pv: 'pv',
  uv: 'uv',
  anonPv: 'anon_pv',
  anonUv: 'anon_uv',
  shares: 'shares',
  shareReads: 'share_reads',
  unknownShareReads: 'unknown_share_reads',
  completions: 'completions',
};

const dailyColumns = DAILY_COUNTERS.map((c) => DAILY_COLUMN[c]);
const totalColumns = TOTALS.map((c) => TOTAL_COLUMN[c]);

interface ReaderRow {
  kind: ReaderKind;
  rate_minute: number;
  rate_count: number;
  ledger_size: number;
  today_day: string;
  today_count: number;
  shared_day: string;
  shared_keys: string;
}
interface ReaderArticleRow {
  article_id: string;
  last_open_at: number;
  session: string;
  session_channel: string;
  uv_day: string;
  completed: string | null;
}
interface ShareRow {
  share_id: string;
  article_id: string;
  reader: string;
  event_id: string;
  at: number;
}
type CounterRow = Record<string, number | string>;

const dailyParams = (t: Pick<TallyDelta, 'day' | 'articleId' | 'channel' | 'add'>) => ({
  day: t.day,
  article_id: t.articleId,
  channel: t.channel,
  ...Object.fromEntries(DAILY_COUNTERS.map((c) => [DAILY_COLUMN[c], t.add[c] ?? 0])),
});
const totalParams = (articleId: string, add: Partial<TotalCounts>) => ({
  article_id: articleId,
  ...Object.fromEntries(TOTALS.map((c) => [TOTAL_COLUMN[c], add[c] ?? 0])),
});
const totalsOfDaily = (add: Partial<DailyCounts>): Partial<TotalCounts> =>
  Object.fromEntries(TOTALS.map((t) => [t, add[TOTAL_OF[t]] ?? 0]));
const countsFrom = <C extends string>(row: CounterRow, names: readonly C[], column: Record<C, string>) =>
  Object.fromEntries(names.map((c) => [c, Number(row[column[c]] ?? 0)])) as Record<C, number>;

/**
 * Reading analytics over SQLite. Every `applyEvents` is one IMMEDIATE transaction — snapshot, decision, ledger,
 * reader state and counters together — so it never races and never leaves drift.
 */
export function createTrackMethods(db: Database): TrackMethods {
  const inList = 'IN (SELECT value FROM json_each(?))';
  const selectReader = db.prepare<[string], ReaderRow>(
    `SELECT kind, rate_minute, rate_count, ledger_size, today_day, today_count, shared_day, shared_keys
     FROM track_readers WHERE reader = ?`,
  );
  const selectReaderArticles = db.prepare<[string, string], ReaderArticleRow>(
    `SELECT article_id, last_open_at, session, session_channel, uv_day, completed
     FROM track_reader_articles WHERE reader = ? AND article_id ${inList}`,
  );
  const selectEntries = db.prepare<[string, string], { json: string }>(
    `SELECT json FROM track_ledger WHERE reader = ? AND event_id ${inList}`,
  );
  const selectShares = db.prepare<[string], ShareRow>(
    `SELECT share_id, article_id, reader, event_id, at FROM track_shares WHERE share_id ${inList}`,
  );
  const selectPv = db.prepare<[string], { article_id: string; pv: number }>(
    `SELECT article_id, pv FROM article_stats WHERE article_id ${inList}`,
  );
  const upsertReader = db.prepare(`
    INSERT INTO track_readers
      (reader, kind, rate_minute, rate_count, ledger_size, today_day, today_count, shared_day, shared_keys)
    VALUES
      (@reader, @kind, @rate_minute, @rate_count, @ledger_size, @today_day, @today_count, @shared_day, @shared_keys)
    ON CONFLICT (reader) DO UPDATE SET
      rate_minute = excluded.rate_minute, rate_count = excluded.rate_count, ledger_size = excluded.ledger_size,
      today_day = excluded.today_day, today_count = excluded.today_count,
      shared_day = excluded.shared_day, shared_keys = excluded.shared_keys
  `);
  const upsertReaderArticle = db.prepare(`
    INSERT INTO track_reader_articles (reader, article_id, last_open_at, session, session_channel, uv_day, completed)
    VALUES (@reader, @article_id, @last_open_at, @session, @session_channel, @uv_day, @completed)
    ON CONFLICT (reader, article_id) DO UPDATE SET
      last_open_at = excluded.last_open_at, session = excluded.session, session_channel = excluded.session_channel,
      uv_day = excluded.uv_day, completed = excluded.completed
  `);
  const insertEntry = db.prepare<[string, string, string, string]>(
    'INSERT INTO track_ledger (reader, event_id, day, json) VALUES (?, ?, ?, ?)',
  );
  const insertShare = db.prepare(
    'INSERT INTO track_shares (share_id, article_id, reader, event_id, at) VALUES (@share_id, @article_id, @reader, @event_id, @at)',
  );
  const addDaily = db.prepare(`
    INSERT INTO article_daily (day, article_id, channel, ${dailyColumns.join(', ')})
    VALUES (@day, @article_id, @channel, ${dailyColumns.map((c) => `@${c}`).join(', ')})
    ON CONFLICT (day, article_id, channel) DO UPDATE SET ${dailyColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}
  `);
  const addTotals = db.prepare(`
    INSERT INTO article_stats (article_id, ${totalColumns.join(', ')})
    VALUES (@article_id, ${totalColumns.map((c) => `@${c}`).join(', ')})
    ON CONFLICT (article_id) DO UPDATE SET ${totalColumns.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}
  `);
  type Range = [{ from: string | null; to: string }];
  const selectLedger = db.prepare<Range, { kind: ReaderKind; json: string }>(`
    SELECT r.kind, l.json FROM track_ledger l JOIN track_readers r ON r.reader = l.reader
    WHERE (@from IS NULL OR l.day >= @from) AND l.day < @to
  `);
  const selectDaily = db.prepare<Range, CounterRow>(
    'SELECT * FROM article_daily WHERE (@from IS NULL OR day >= @from) AND day < @to',
  );
  const selectTotals = db.prepare<[], CounterRow>('SELECT * FROM article_stats');
  const selectDailySums = db.prepare<[], CounterRow>(`
    SELECT article_id, ${TOTALS.map((t) => `SUM(${DAILY_COLUMN[TOTAL_OF[t]]}) AS ${TOTAL_COLUMN[t]}`).join(', ')}
    FROM article_daily GROUP BY article_id
  `);

  const load = ({ reader, eventIds, articleIds, shareIds }: TrackRequest): TrackSnapshot => {
    const row = selectReader.get(reader.key);
    const state: ReaderState | null =
      row === undefined
        ? null
        : {
            rate: { minute: row.rate_minute, count: row.rate_count },
            ledgerSize: row.ledger_size,
            today: { day: row.today_day, count: row.today_count },
            shared: { day: row.shared_day, keys: JSON.parse(row.shared_keys) as string[] },
            articles: new Map(
              selectReaderArticles.all(reader.key, JSON.stringify(articleIds)).map((a): [string, ReaderArticle] => [
                a.article_id,
                {
                  lastOpenAt: a.last_open_at,
                  session: a.session,
                  sessionChannel: a.session_channel,
                  uvDay: a.uv_day,
                  completed: a.completed,
                },
              ]),
            ),
          };
    const entries = new Map(
      selectEntries.all(reader.key, JSON.stringify(eventIds)).map(({ json }) => {
        const entry = JSON.parse(json) as LedgerEntry;
        return [entry.eventId, entry];
      }),
    );
    const shares = new Map(
      selectShares
        .all(JSON.stringify(shareIds))
        .map((s): [string, ShareRecord] => [
          s.share_id,
          { shareId: s.share_id, articleId: s.article_id, reader: s.reader, eventId: s.event_id, at: s.at },
        ]),
    );
    const readCounts = new Map(articleIds.map((id) => [id, 0]));
    for (const r of selectPv.all(JSON.stringify(articleIds))) readCounts.set(r.article_id, r.pv);
    return { state, entries, shares, readCounts };
  };

  const addTally = (t: TallyDelta) => {
    addDaily.run(dailyParams(t));
    addTotals.run(totalParams(t.articleId, totalsOfDaily(t.add)));
  };

  const persist = (request: TrackRequest, { state, entries, shares, tallies }: TrackCommit) => {
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
    });
    for (const [articleId, a] of state.articles) {
      upsertReaderArticle.run({
        reader,
        article_id: articleId,
        last_open_at: a.lastOpenAt,
        session: a.session,
        session_channel: a.sessionChannel,
        uv_day: a.uvDay,
        completed: a.completed,
      });
    }
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
    for (const t of tallies) addTally(t);
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
    daily: selectDaily.all({ from, to }).map((row) => ({
      day: String(row.day),
      articleId: String(row.article_id),
      channel: String(row.channel),
      counts: countsFrom(row, DAILY_COUNTERS, DAILY_COLUMN),
    })),
    totals: new Map(selectTotals.all().map((row) => [String(row.article_id), countsFrom(row, TOTALS, TOTAL_COLUMN)])),
    dailySums: new Map(
      selectDailySums.all().map((row) => [String(row.article_id), countsFrom(row, TOTALS, TOTAL_COLUMN)]),
    ),
  }));

  const adjust = db.transaction(
    (daily: TallyDelta[], totals: Array<{ articleId: string; add: Partial<TotalCounts> }>) => {
      for (const t of daily) addDaily.run(dailyParams(t));
      for (const t of totals) addTotals.run(totalParams(t.articleId, t.add));
    },
  );

  return {
    async applyEvents(request, decide) {
      return apply.immediate(request, decide) as ReturnType<typeof decide>['result'];
    },
    async tallySnapshot({ from, to }) {
      return snapshot(from, to);
    },
    async adjustCounters({ daily, totals }) {
      adjust(daily, totals);
    },
  };
}
