/**
 * Figure 6: what counting costs on CloudBase — database requests per call, as the local CloudBase endpoint receives
 * them from the real wx-server-sdk (test/support/cloudbase-endpoint; each a billed round trip in the cloud), and the
 * bytes (BSON) a reader's day of activity leaves stored in their own records.
 */
import { calculateObjectSize } from 'bson';
import { LOCAL_READER_SECRET, readerKeys, sharePrefixOf } from '../../../backend/core/reader-key';
import { createCloudBaseStores } from '../../../backend/storage/cloudbase';
import {
  ARTICLE_STATS,
  LEDGER_PREFIX,
  READER_PREFIX,
  SHARE_PREFIX,
} from '../../../backend/storage/cloudbase/documents';
import { startCloudBaseEndpoint } from '../../../test/support/cloudbase-endpoint';
import type { Figure } from '../budget';
import { BENCH_NOW, callerOver, speechesOf } from '../harness';

const COUNTED_READ_MAX = 4;
const REPEAT_MAX = 2;
const MINUTE = 60_000;
const DAY_READERS = 20;

const attribution = { scene: 1007, chatType: null, apiCategory: 'default', ch: null, s: null };
let serial = 0;
const eventId = (prefix: string) => `${prefix}-${String(++serial).padStart(6, '0')}`;

export async function cloudCost(): Promise<Figure[]> {
  const endpoint = await startCloudBaseEndpoint();
  try {
    let now = BENCH_NOW;
    const caller = await callerOver(createCloudBaseStores(endpoint.database()), () => now);
    const call = async (fn: string, action: string, input: unknown, openid: string) => {
      const answer = await caller.call(fn, action, input, openid);
      if (!answer.ok) throw new Error(`${fn}.${action}: ${answer.code} ${answer.message}`);
      return answer;
    };
    const [a, b, c] = speechesOf().map((s) => s.id) as [string, string, string];
    const cost = async (work: () => Promise<unknown>) => {
      endpoint.requests.clear();
      await work();
      return endpoint.requests.count();
    };
    const articleGet = (openid: string, id = a) =>
      call('content', 'article.get', { id, read: { eventId: eventId('g'), attribution } }, openid);
    const read = (openid: string, input = { eventId: eventId('r'), articleId: a, attribution }) =>
      call('track', 'read', input, openid);

    await read('o-other');
    const newReader = await cost(() => articleGet('o-reader'));
    now += 31 * MINUTE;
    const knownReader = await cost(() => articleGet('o-reader'));
    now += MINUTE;
    const reopenedArticle = await cost(() => articleGet('o-reader'));
    now += MINUTE;
    const repeat = await cost(() => read('o-reader'));
    const input = { eventId: eventId('r'), articleId: a, attribution };
    await read('o-dup', input);
    const duplicate = await cost(() => read('o-dup', input));

    // A reader's day: three speeches opened, one re-opened, two readings completed, one share.
    endpoint.reset();
    now = BENCH_NOW;
    await callerOver(createCloudBaseStores(endpoint.database()), () => now);
    endpoint.requests.clear();
    for (let r = 0; r < DAY_READERS; r++) {
      const openid = `o-day-${r}`;
      const opened: string[] = [];
      for (const id of [a, b, c, a]) {
        const e = eventId('d');
        opened.push(e);
        await call('track', 'read', { eventId: e, articleId: id, attribution }, openid);
        now += 5 * MINUTE;
      }
      for (const [k, id] of [a, b].entries()) {
        const progress = { eventId: eventId('p'), articleId: id, readEventId: opened[k], depth: 1, dwellMs: 600_000 };
        await call('track', 'progress', progress, openid);
      }
      const key = readerKeys(LOCAL_READER_SECRET)({ openid }, undefined)?.key as string;
      const share = { eventId: eventId('s'), articleId: a, shareId: `${sharePrefixOf(key)}Bnch`, target: 'chat' };
      await call('track', 'share', share, openid);
    }
    const own = endpoint
      .peek(ARTICLE_STATS)
      .filter((doc) => [READER_PREFIX, LEDGER_PREFIX, SHARE_PREFIX].some((p) => String(doc._id).startsWith(p)));
    const shares = own.filter((doc) => String(doc._id).startsWith(SHARE_PREFIX)).length;
    if (shares !== DAY_READERS) throw new Error(`${shares} share records for ${DAY_READERS} readers`);
    const bytes = own.reduce((n, doc) => n + calculateObjectSize(doc), 0) / DAY_READERS;

    const requests = (name: string, value: number, max: number | null): Figure => ({
      group: 6,
      name,
      value,
      unit: 'requests',
      budget: max === null ? null : { max },
    });
    return [
      requests('article.get with a counted read, new reader', newReader, COUNTED_READ_MAX),
      requests('article.get with a counted read, known reader', knownReader, COUNTED_READ_MAX),
      requests('article.get re-opened within 30 min', reopenedArticle, null),
      requests('track.read repeat (re-opening within 30 min)', repeat, REPEAT_MAX),
      requests('track.read duplicate (same eventId)', duplicate, null),
      {
        group: 6,
        name: 'stored per reader per day (4 reads, 2 completions, 1 share)',
        value: bytes,
        unit: 'B',
        budget: null,
      },
    ];
  } finally {
    await endpoint.close();
  }
}
