import { EntryStore } from '../../miniprogram/stores/entry';
import { parseScene, targetOf } from '../../miniprogram/utils/entry';

describe('where the reader came from', () => {
  test('a chat card: scene, chat type and the share in the path', () => {
    const entry = new EntryStore();
    entry.update({
      scene: 1007,
      chatType: 1,
      apiCategory: 'default',
      query: { id: '2i8mte', ch: 'chat', s: 'k3j9x0ab' },
    });
    expect(entry.attributionFor('2i8mte')).toEqual({
      scene: 1007,
      chatType: 1,
      apiCategory: 'default',
      ch: 'chat',
      s: 'k3j9x0ab',
    });
    expect(entry.singlePage).toBe(false);
  });

  test('a newspaper QR code: the scene string is decoded into speech, channel and share', () => {
    const scene = encodeURIComponent('a=2i8mte&c=bao&s=qr01');
    const entry = new EntryStore();
    entry.update({ scene: 1047, query: { scene } });
    expect(targetOf({ scene })).toEqual({ articleId: '2i8mte', ch: 'bao', s: 'qr01' });
    expect(entry.attributionFor('2i8mte')).toEqual({
      scene: 1047,
      chatType: null,
      apiCategory: null,
      ch: 'bao',
      s: 'qr01',
    });
  });

  test('朋友圈 single-page mode is recognised, with the timeline share in the query', () => {
    const entry = new EntryStore();
    entry.update({ scene: 1154, apiCategory: 'browseOnly', query: { id: 'abc123', ch: 'tl', s: 'zz99yy88' } });
    expect(entry.singlePage).toBe(true);
    expect(entry.attributionFor('abc123')).toMatchObject({
      scene: 1154,
      apiCategory: 'browseOnly',
      ch: 'tl',
      s: 'zz99yy88',
    });
  });

  test('a link’s channel and share count only for the speech it names', () => {
    const entry = new EntryStore();
    entry.update({ scene: 1007, query: { id: 'first1', ch: 'chat', s: 'share001' } });
    expect(entry.attributionFor('other2')).toEqual({
      scene: 1007,
      chatType: null,
      apiCategory: null,
      ch: null,
      s: null,
    });
  });

  test('a warm start replaces the entry: the newest way in wins', () => {
    const entry = new EntryStore();
    entry.update({ scene: 1007, query: { id: 'a1b2c3', ch: 'chat', s: 'one00001' } });
    entry.update({ scene: 1011, query: { id: 'a1b2c3', ch: 'ping' } });
    expect(entry.attributionFor('a1b2c3')).toMatchObject({ scene: 1011, ch: 'ping', s: null });
  });

  test('malformed values are dropped, not passed on', () => {
    expect(targetOf({ id: '<script>', ch: 'x'.repeat(100), s: 'ok_1' })).toEqual({
      articleId: null,
      ch: null,
      s: 'ok_1',
    });
    expect(parseScene('%E0%A4%A')).toEqual({});
  });
});
