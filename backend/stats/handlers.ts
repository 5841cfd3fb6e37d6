import * as z from 'zod/mini';
import type { ArticleRow, StatsApi, StatsRange } from '../../typings/contract';
import { fail, ok } from '../core/envelope';
import { shortId } from '../core/ids';
import type { Actions } from '../core/router';
import '../core/zod';
import { clockOf, dayOf } from '../track/day';
import { toCsv } from './csv';
import { exportCounters, exportHeader, exportRows } from './export';
import { periodOf, previousOf, seriesSpan, spanOf, uvNote } from './periods';
import {
  channelRows,
  channelSums,
  nodeRows,
  rank,
  siteCounters,
  siteFigures,
  siteReport,
  speechCounters,
  speechesOf,
  speechFigures,
  speechReport,
} from './report';

const range = z.enum(['today', '7d', '30d', 'all']);

const head = (r: StatsRange, now: Date, scope: Parameters<typeof uvNote>[1]) => ({
  range: r,
  period: periodOf(spanOf(r, now)),
  asOf: now.toISOString(),
  ...uvNote(r, scope),
});

/**
 * The `stats` function: live figures for staff, every one read from counters (day × speech × channel cells for a
 * bounded range, totals and channel sums for `all`), summed by the store into the rows a figure needs, never from
 * the ledger.
 */
export const statsActions: Actions<StatsApi> = {
  overview: {
    role: 'staff',
    input: z.strictObject({ range }),
    handle: async ({ range: r }, { stores, now }) => {
      const at = now();
      const span = spanOf(r, at);
      const [{ counters, series }, previous] = await Promise.all([
        siteReport(stores.stats, span, seriesSpan(r, at)),
        span === null ? null : siteCounters(stores.stats, previousOf(span)),
      ]);
      return ok({
        ...head(r, at, 'site'),
        totals: siteFigures(counters),
        previous: previous === null ? null : siteFigures(previous),
        series,
      });
    },
  },

  articles: {
    role: 'staff',
    input: z.strictObject({ range, sort: z.enum(['pv', 'uv', 'shares', 'completionRate']) }),
    handle: async ({ range: r, sort }, { stores, now }) => {
      const at = now();
      const [installments, counters] = await Promise.all([
        stores.content.listInstallments(),
        speechCounters(stores.stats, spanOf(r, at)),
      ]);
      const rows = speechesOf(installments).map((s): ArticleRow => ({ ...s, ...speechFigures(counters(s.id)) }));
      return ok({ ...head(r, at, 'speech'), sort, items: rank(rows, sort) });
    },
  },

  article: {
    role: 'staff',
    input: z.strictObject({ id: shortId, range }),
    handle: async ({ id, range: r }, { stores, now }) => {
      const at = now();
      const span = spanOf(r, at);
      const [installments, { counters, series, channels }, custom] = await Promise.all([
        stores.content.listInstallments(),
        speechReport(stores.stats, span, seriesSpan(r, at), id),
        stores.channels.list(),
      ]);
      const speech = speechesOf(installments).find((s) => s.id === id);
      if (speech === undefined) return fail('NOT_FOUND', '没有找到这篇文章');
      const totals = speechFigures(counters);
      return ok({
        ...head(r, at, 'speech'),
        article: speech,
        totals,
        series,
        channels: channelRows(counters.kind, channels, custom),
        funnel: { shares: totals.shares, shareReads: totals.shareReads, reshares: totals.reshares },
      });
    },
  },

  channels: {
    role: 'staff',
    input: z.strictObject({ range }),
    handle: async ({ range: r }, { stores, now }) => {
      const at = now();
      const span = spanOf(r, at);
      const [sums, custom] = await Promise.all([channelSums(stores.stats, span), stores.channels.list()]);
      const items = channelRows(span === null ? 'all' : 'days', sums, custom);
      return ok({ ...head(r, at, 'channel'), items, nodes: nodeRows(items) });
    },
  },

  export: {
    role: 'staff',
    input: z.strictObject({ range }),
    handle: async ({ range: r }, { stores, now }) => {
      const at = now();
      const span = spanOf(r, at);
      const [installments, counters, custom] = await Promise.all([
        stores.content.listInstallments(),
        exportCounters(stores.stats, span),
        stores.channels.list(),
      ]);
      const rows = exportRows(speechesOf(installments), counters, custom);
      const fileName = `阅读统计-${r}-${dayOf(at.getTime())}-${clockOf(at.getTime())}.csv`;
      const { url, expiresAt } = await stores.files.put(
        `exports/${fileName}`,
        toCsv(exportHeader(r), rows),
        'text/csv',
      );
      return ok({ url, expiresAt: expiresAt.toISOString(), fileName, rows: rows.length });
    },
  },
};
