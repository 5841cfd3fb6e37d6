import { LOCAL_READER_SECRET, readerKeys, sharePrefixOf } from '../../../backend/core/reader-key';
import { STAFF_OPENID } from '../support/cloud';

type Cloud = Awaited<ReturnType<typeof import('../support/cloud').contentCloud>>;

let seq = 0;
const eventId = (kind: string) => `${kind}-page-${String(++seq).padStart(6, '0')}`;

/** Calls a function of the test cloud as `openid`, then goes back to acting as staff. */
async function as<T>(cloud: Cloud, openid: string | null, name: string, action: string, input: unknown): Promise<T> {
  cloud.actAs(openid);
  try {
    const res = (await cloud.handler({ name, data: { action, input } })) as { ok: boolean; data?: T; message?: string };
    if (!res.ok) throw new Error(`${name}.${action} as ${openid}: ${res.message}`);
    return res.data as T;
  } finally {
    cloud.actAs(STAFF_OPENID);
  }
}

const attribution = (over: Record<string, unknown> = {}) => ({
  scene: 1001,
  chatType: null,
  apiCategory: 'default',
  ch: null,
  s: null,
  ...over,
});

export interface Reading {
  /** The two speeches read: A (first of the installment) and B (the second). */
  a: string;
  b: string;
}

/**
 * One morning of reading, by hand: o-1 opens A from the paper (bao) and shares it to a chat; o-2 scans A's code; o-3
 * opens A through o-1's share and shares it on; an anonymous 朋友圈 reader opens A; o-4 opens B from TV (tai).
 * So today: 阅读 4 by 4 readers, 2 shares, 1 read through a share, 1 reshare, 1 anonymous reading apart.
 */
/** A share id of `openid`'s own (see sharePrefixOf in backend/core/reader-key.ts). */
const sid = (openid: string, tag: string): string =>
  `${sharePrefixOf(readerKeys(LOCAL_READER_SECRET)({ openid }, undefined)?.key as string)}${tag}`;

export async function aMorningOfReading(cloud: Cloud): Promise<Reading> {
  const ids = (await cloud.stores.content.getInstallment('esd-01'))?.articles.map((x) => x.id) ?? [];
  const [a = '', b = ''] = ids;
  const read = (openid: string | null, articleId: string, over: Record<string, unknown>, anonId?: string) =>
    as(cloud, openid, 'track', 'read', {
      eventId: eventId('r'),
      articleId,
      attribution: attribution(over),
      ...(anonId && { anonId }),
    });
  const share = (openid: string, articleId: string, shareId: string) =>
    as(cloud, openid, 'track', 'share', { eventId: eventId('s'), articleId, shareId, target: 'chat' });
  await read('o-1', a, { ch: 'bao', scene: 1047 });
  await share('o-1', a, sid('o-1', 'Pg01'));
  await read('o-2', a, { scene: 1047 });
  await read('o-3', a, { ch: 'chat', s: sid('o-1', 'Pg01'), scene: 1007, chatType: 1 });
  await share('o-3', a, sid('o-3', 'Pg02'));
  await read(null, a, { scene: 1154, apiCategory: 'browseOnly' }, 'installpage000001');
  await read('o-4', b, { ch: 'tai', scene: 1047 });
  return { a, b };
}

export { as };
