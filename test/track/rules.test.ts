import { LOCAL_READER_SECRET, readerKeys } from '../../backend/core/reader-key';
import { CHANNELS, channelLabel, channelOf, isCrawler, SCENE_GROUPS } from '../../backend/track/channels';
import { isCompletion } from '../../backend/track/completion';
import { addDays, dayOf } from '../../backend/track/day';
import { deltaOf, type ReadEntry } from '../../backend/track/model';
import { minuteOf, RATE_LIMIT, takeRate } from '../../backend/track/rate';
import { opensWindow, WINDOW_MS } from '../../backend/track/window';
import { MATRIX_CHANNELS, SHARE_CHANNELS } from '../../typings/contract';
import { attribution, MINUTE } from './support';

describe('days are China-time days', () => {
  test.each([
    ['2026-11-26T15:59:59.999Z', '20261126'],
    ['2026-11-26T16:00:00Z', '20261127'],
    ['2026-12-31T16:00:00Z', '20270101'],
  ])('%s is %s', (iso, day) => {
    expect(dayOf(Date.parse(iso))).toBe(day);
  });

  test('addDays crosses months and years both ways', () => {
    expect(addDays('20261231', 1)).toBe('20270101');
    expect(addDays('20270301', -1)).toBe('20270228');
    expect(addDays('20261127', -7)).toBe('20261120');
  });
});

describe('the 30-minute window', () => {
  test('a first opening counts; a re-opening counts only 30 minutes or more after the last one', () => {
    const last = Date.parse('2026-11-27T08:00:00Z');
    expect(opensWindow(undefined, last)).toBe(true);
    expect(opensWindow(last, last + WINDOW_MS - 1)).toBe(false);
    expect(opensWindow(last, last + WINDOW_MS)).toBe(true);
  });
});

describe('the rate limit', () => {
  test('allows 120 events in a clock minute and starts again in the next', () => {
    const now = Date.parse('2026-11-27T08:00:10Z');
    let rate = takeRate(undefined, now);
    for (let i = 1; i < RATE_LIMIT; i += 1) rate = takeRate(rate ?? undefined, now);
    expect(rate?.count).toBe(RATE_LIMIT);
    expect(takeRate(rate ?? undefined, now + 49_000)).toBeNull();
    expect(takeRate(rate ?? undefined, now + 50_000)).toEqual({
      minute: Math.floor((now + 50_000) / MINUTE),
      count: 1,
    });
  });

  test('a clock stepping back counts against the later minute instead of opening a fresh one', () => {
    const now = Date.parse('2026-11-27T08:01:00Z');
    let rate = takeRate(undefined, now);
    for (let i = 1; i < RATE_LIMIT; i += 1) rate = takeRate(rate ?? undefined, now);
    expect(takeRate(rate ?? undefined, now - 1)).toBeNull();
    expect(takeRate(rate ?? undefined, now - 10 * MINUTE)).toBeNull();
    expect(takeRate({ minute: minuteOf(now), count: 5 }, now - MINUTE)).toEqual({ minute: minuteOf(now), count: 6 });
  });
});

describe('completion', () => {
  test('needs 90% depth and a third of the reading time', () => {
    expect(isCompletion(0.9, 40_000, 2)).toBe(true);
    expect(isCompletion(1, 39_999, 2)).toBe(false);
    expect(isCompletion(0.89, 600_000, 2)).toBe(false);
    expect(isCompletion(0.95, 140_000, 7)).toBe(true);
    expect(isCompletion(1, 100_000, 7)).toBe(false);
  });
});

describe('channels', () => {
  test('an explicit known ch wins over the scene', () => {
    expect(channelOf(attribution({ ch: 'bao', scene: 1007 }))).toBe('bao');
    expect(channelOf(attribution({ ch: 'poster', scene: 1154 }))).toBe('poster');
  });

  test.each([
    [1007, 'session'],
    [1008, 'session'],
    [1044, 'session'],
    [1096, 'session'],
    [1154, 'moments'],
    [1155, 'moments'],
    [1035, 'mp'],
    [1058, 'mp'],
    [1102, 'mp'],
    [1011, 'scan'],
    [1049, 'scan'],
    [1005, 'search'],
    [1053, 'search'],
    [1001, 'other'],
    [null, 'other'],
  ])('scene %s without ch is %s', (scene, channel) => {
    expect(channelOf(attribution({ scene }))).toBe(channel);
  });

  test.each(['<script>', 'BAO', '', 'toString', '__proto__', 'hasOwnProperty', 'bao '])(
    'ch %j is unknown, whatever the scene',
    (ch) => {
      expect(channelOf(attribution({ ch, scene: 1007 }))).toBe('unknown');
    },
  );

  test('scene 1129 is the crawler', () => {
    expect(isCrawler(attribution({ scene: 1129 }))).toBe(true);
    expect(isCrawler(attribution({ scene: 1007 }))).toBe(false);
  });

  test('every channel has a Chinese label, link codes keep the contract’s, and stored unknown codes read 未知', () => {
    for (const [code, label] of Object.entries({ ...MATRIX_CHANNELS, ...SHARE_CHANNELS })) {
      expect(channelLabel(code)).toBe(label);
    }
    for (const [code, group] of Object.entries(SCENE_GROUPS)) expect(channelLabel(code)).toBe(group.label);
    expect(Object.values(CHANNELS).every((c) => /[\u4e00-\u9fa5]/.test(c.label))).toBe(true);
    expect(channelLabel('other')).toBe('其他');
    expect(channelLabel('gone-from-this-build')).toBe('未知');
  });
});

describe('what a ledger entry adds to the counters', () => {
  const read: ReadEntry = {
    type: 'read',
    eventId: 'e1234567',
    articleId: 'a1',
    at: 0,
    day: '20261127',
    channel: 'bao',
    counted: true,
    firstEver: true,
    firstToday: true,
    share: 'sh12345',
    unknownShare: false,
    session: 'e1234567',
  };

  test('a first counted opening through a share', () => {
    // An anonymous reader never moves the headline pv/uv.
    expect(deltaOf(read, 'anon').cell?.add).toEqual({ anonPv: 1, anonUv: 1, newAnonUv: 1, shareReads: 1 });
    expect(deltaOf(read, 'openid').cell?.add).toEqual({ pv: 1, uv: 1, newUv: 1, shareReads: 1 });
  });

  test('a re-opening on a new day moves only the day’s UV', () => {
    const again = { ...read, counted: false, firstEver: false, share: null };
    expect(deltaOf(again, 'openid').cell?.add).toEqual({ uv: 1 });
  });
});

describe('reader keys', () => {
  const keyOf = readerKeys(LOCAL_READER_SECRET);

  test('hash the openid; never contain it', () => {
    const reader = keyOf({ openid: 'oAbCdEf123' }, undefined);
    expect(reader).toEqual({ key: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), kind: 'openid' });
    expect(reader?.key).not.toContain('oAbCdEf123');
    expect(keyOf({ openid: 'oAbCdEf123' }, undefined)).toEqual(reader);
  });

  test('use the anonId only when there is no openid, as a reader of its own kind', () => {
    const client = { openid: null, source: 'wx_client' };
    expect(keyOf({ openid: 'o1' }, 'anon-1234567')).toEqual(keyOf({ openid: 'o1' }, undefined));
    expect(keyOf(client, 'anon-1234567')?.kind).toBe('anon');
    // The same string as an openid and as an anonId are two different readers.
    expect(keyOf(client, 'same-12345')?.key).not.toBe(keyOf({ openid: 'same-12345' }, undefined)?.key);
    expect(keyOf(client, undefined)).toBeNull();
    // Only the WeChat client may name an anonymous reader: not the HTTP API, another function, DevTools, or a
    // caller that does not say.
    for (const source of ['wx_http', 'scf', 'wx_client,scf', 'wx_devtools', null, undefined]) {
      expect(keyOf({ openid: null, source }, 'anon-1234567')).toBeNull();
    }
  });

  test('depend on the secret, and refuse to work without a real one', () => {
    const other = readerKeys('another-secret-of-some-length');
    expect(other({ openid: 'o1' }, undefined)?.key).not.toBe(keyOf({ openid: 'o1' }, undefined)?.key);
    expect(() => readerKeys(undefined)({ openid: 'o1' }, undefined)).toThrow(/READER_HASH_SECRET/);
    expect(() => readerKeys('short')({ openid: 'o1' }, undefined)).toThrow(/READER_HASH_SECRET/);
  });
});
