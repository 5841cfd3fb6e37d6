import type { Command, Database, DocumentData, WithId } from 'wx-server-sdk';
import {
  type ArticleDelta,
  type CellDelta,
  DAILY_COUNTERS,
  type DayKey,
  fullCounts,
  TOTAL_COUNTERS,
} from '../../track/model';
import type { ChannelTotal, CountableArticle, CounterCell } from '../../track/port';
import { ARTICLE_STATS, type ChannelCounts, type CountersDoc, dayField, dayOfField, zeroCounters } from './documents';
import { ANSWER_BUDGET_BYTES, chunk, PAGE_SIZE } from './paging';

/** Counter writes in flight at once when speeches are made countable. */
const WRITE_BATCH = 10;
/**
 * The most one day of one article's counters takes in an answer: every counter of a few dozen channels. Days are
 * read in pages planned with it (an article's record is never read whole).
 */
const DAY_BYTES_BOUND = 8 * 1024;

export type Counters = WithId<Partial<CountersDoc>>;

/** `{<channel>: {<counter>: _.inc(n)}}` for cells of one day, or of all days summed (the channel totals). */
function channelIncrements(_: Command, cells: readonly CellDelta[]): Record<string, Record<string, unknown>> {
  const byChannel: Record<string, Record<string, number>> = {};
  for (const { channel, add } of cells) {
    for (const [counter, n] of Object.entries(add)) {
      if (!n) continue;
      byChannel[channel] ??= {};
      (byChannel[channel] as Record<string, number>)[counter] =
        ((byChannel[channel] as Record<string, number>)[counter] ?? 0) + n;
    }
  }
  return Object.fromEntries(
    Object.entries(byChannel).map(([channel, counts]) => [
      channel,
      Object.fromEntries(
        Object.entries(counts)
          .filter(([, n]) => n)
          .map(([k, n]) => [k, _.inc(n)]),
      ),
    ]),
  );
}

/**
 * An article's delta as one `update`: `_.inc` on each total, on `c.<channel>.<counter>` and on
 * `d.D<day>.<channel>.<counter>`. Nested objects in update data are merged field by field, so only these move.
 */
function incrementData(_: Command, { totals, cells }: ArticleDelta): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [k, n] of Object.entries(totals)) if (n) data[k] = _.inc(n);
  const c = channelIncrements(_, cells);
  if (Object.keys(c).length > 0) data.c = c;
  const days: Record<string, unknown> = {};
  for (const day of new Set(cells.map((cell) => cell.day))) {
    const forDay = channelIncrements(
      _,
      cells.filter((cell) => cell.day === day),
    );
    if (Object.keys(forDay).length > 0) days[dayField(day)] = forDay;
  }
  if (Object.keys(days).length > 0) data.d = days;
  return data;
}

export interface CounterMethods {
  addAll(deltas: ArticleDelta[]): Promise<void>;
  read(ids: string[], fields: Record<string, true>): Promise<Counters[]>;
  setCountable(articles: Array<{ id: string; readingMinutes: number }>, on: boolean): Promise<void>;
  countable(ids: string[]): Promise<Map<string, CountableArticle>>;
  readCounts(ids: string[]): Promise<Map<string, number>>;
  /** Every article's counter record, projected to `fields`, in pages sized for `days` days of cells. */
  everyArticle(fields: Record<string, true>, days: number): Promise<Counters[]>;
  /** Totals and channel totals of every article, and its cells of `days` (null: of every day). */
  forReconcile(
    days: DayKey[] | null,
  ): Promise<{ totals: Counters[]; cells: CounterCell[]; channelTotals: ChannelTotal[] }>;
}

export const cellsOf = (articleId: string, day: DayKey, channels: ChannelCounts | undefined): CounterCell[] =>
  Object.entries(channels ?? {}).map(([channel, counts]) => ({
    day,
    articleId,
    channel,
    counts: fullCounts(DAILY_COUNTERS, counts),
  }));

export function createCounterMethods(db: Database): CounterMethods {
  const _ = db.command;
  const stats = db.collection<DocumentData>(ARTICLE_STATS);

  const exists = async (id: string) =>
    (await stats.where({ _id: id }).field({ _id: true }).limit(1).get()).data.length > 0;

  /**
   * Adds to an article's counters with `_.inc` only. A counter record that is missing (a fix for a speech whose
   * record was lost) is first created zeroed with `add`: a zeroed record is the same however many times it is made,
   * so a lost answer or a concurrent creator is harmless, and the delta itself is only ever sent as an `update`.
   * (`set` of zeros would not do: it would wipe what another call added meanwhile.)
   */
  async function addTo(delta: ArticleDelta): Promise<void> {
    const { articleId } = delta;
    const update = async () => (await stats.doc(articleId).update({ data: incrementData(_, delta) })).stats.updated;
    if ((await update()) === 1) return;
    await stats.add({ data: { _id: articleId, ...zeroCounters() } }).catch(() => undefined);
    if ((await update()) === 1) return;
    throw new Error(`counters of ${articleId} could not be created`);
  }

  async function read(ids: string[], fields: Record<string, true>): Promise<Counters[]> {
    const pages = await Promise.all(
      chunk([...new Set(ids)], PAGE_SIZE).map((page) =>
        stats
          .where({ _id: _.in(page) })
          .field(fields)
          .limit(PAGE_SIZE)
          .get(),
      ),
    );
    return pages.flatMap(({ data }) => data as Counters[]);
  }

  /** Every article's counter record, projected, in pages sized for the days asked for. */
  async function readEveryArticle(fields: Record<string, true>, days: number): Promise<Counters[]> {
    const perPage = Math.max(1, Math.min(PAGE_SIZE, Math.floor(ANSWER_BUDGET_BYTES / ((days + 1) * DAY_BYTES_BOUND))));
    const all: Counters[] = [];
    for (let after = ''; ; ) {
      const { data } = await stats
        .where({ t: 'article', _id: _.gt(after) })
        .orderBy('_id', 'asc')
        .field(fields)
        .limit(perPage)
        .get();
      all.push(...(data as Counters[]));
      const last = data.at(-1);
      // Until an empty page: a page cut short by the server's own cap is not the end.
      if (last === undefined) return all;
      after = String(last._id);
    }
  }

  return {
    async addAll(deltas) {
      await Promise.all(deltas.map(addTo));
    },

    read,
    everyArticle: readEveryArticle,

    async setCountable(list, on) {
      const have = new Set(
        (
          await read(
            list.map((a) => a.id),
            { _id: true },
          )
        ).map((d) => String(d._id)),
      );
      // Existing records get the flag and reading time in one request per distinct reading time; their counts are
      // not touched. Missing ones are created zeroed (a duplicate add, made meanwhile or by our own add whose answer
      // was lost, is what we wanted).
      const byMinutes = new Map<number, string[]>();
      for (const a of list) {
        if (have.has(a.id)) byMinutes.set(a.readingMinutes, [...(byMinutes.get(a.readingMinutes) ?? []), a.id]);
      }
      for (const [m, group] of byMinutes) {
        for (const page of chunk(group, PAGE_SIZE)) await stats.where({ _id: _.in(page) }).update({ data: { on, m } });
      }
      const missing = list.filter((a) => !have.has(a.id));
      for (const batch of chunk(missing, WRITE_BATCH)) {
        await Promise.all(
          batch.map((a) =>
            stats.add({ data: { _id: a.id, ...zeroCounters(on, a.readingMinutes) } }).catch(async (error: unknown) => {
              if (!(await exists(a.id))) throw error;
              await stats.doc(a.id).update({ data: { on, m: a.readingMinutes } });
            }),
          ),
        );
      }
    },

    async countable(ids) {
      const docs = await read(ids, { pv: true, on: true, m: true });
      return new Map(
        docs
          .filter((d) => d.on === true)
          .map((d) => [String(d._id), { readCount: d.pv ?? 0, readingMinutes: d.m ?? 1 }]),
      );
    },

    async readCounts(ids) {
      const counts = new Map(ids.map((id) => [id, 0]));
      for (const d of await read([...counts.keys()], { pv: true })) counts.set(String(d._id), d.pv ?? 0);
      return counts;
    },

    async forReconcile(days) {
      const fields: Record<string, true> = { c: true };
      for (const t of TOTAL_COUNTERS) fields[t] = true;
      if (days === null) fields.d = true;
      else for (const day of days) fields[`d.${dayField(day)}`] = true;
      // Every day at once only outside the cloud's daily reconcile (tests, a full check): read a few at a time.
      const docs = await readEveryArticle(fields, days?.length ?? 366);
      const cells: CounterCell[] = [];
      const channelTotals: ChannelTotal[] = [];
      for (const doc of docs) {
        const articleId = String(doc._id);
        for (const [field, channels] of Object.entries(doc.d ?? {}))
          cells.push(...cellsOf(articleId, dayOfField(field), channels));
        for (const [channel, counts] of Object.entries(doc.c ?? {})) {
          channelTotals.push({ articleId, channel, counts: fullCounts(DAILY_COUNTERS, counts) });
        }
      }
      return { totals: docs, cells, channelTotals };
    },
  };
}
