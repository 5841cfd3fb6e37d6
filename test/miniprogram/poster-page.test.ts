import { LOCAL_READER_SECRET, readerKeys, sharePrefixOf } from '../../backend/core/reader-key';
import { outcomeOf } from '../../miniprogram/services/album';
import { parseScene } from '../../miniprogram/utils/entry';
import { call, freshApp, type OpenedPage, tapButton } from './support/app';
import { type RecordingCanvas, recordingCanvas } from './support/canvas';
import { contentCloud } from './support/cloud';
import { wxMock, wxStub } from './support/runtime';

const READER = 'o-test-reader';
const prefixOf = (openid: string) =>
  sharePrefixOf(readerKeys(LOCAL_READER_SECRET)({ openid }, undefined)?.key as string);

let cloud: Awaited<ReturnType<typeof contentCloud>>;
let ids: string[];
let cards: RecordingCanvas;
let posters: RecordingCanvas;

/** The page's two hidden canvases, each recording what is drawn on it. */
function giveCanvases(): void {
  cards = recordingCanvas();
  posters = recordingCanvas();
  wxStub.canvas = (element) => ((element as Element).className.includes('poster-canvas') ? posters.node : cards.node);
}

beforeEach(async () => {
  wxStub.reset();
  cloud = await contentCloud({ openid: READER });
  wxStub.cloud = cloud.handler;
  ids = (await cloud.stores.content.getInstallment('esd-01'))?.articles.map((a) => a.id) ?? [];
});

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, a few milliseconds at a time. */
async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await wait(10);
  }
  throw new Error(`never happened: ${what}`);
}

const exported = (path: string) => {
  const file = wxStub.files.get(path);
  return file?.kind === 'canvas' ? { width: file.width, height: file.height } : null;
};

async function openSpeech(i: number) {
  const app = freshApp();
  await app.launch();
  const opened = await app.open('article', { id: ids[i] as string });
  await app.stores.shareCards.settled(ids[i] as string);
  return { app, ...opened };
}

/** Two poster.code calls with one share id (the code made once), and one share event recorded. */
async function expectOneCodeAndOneShare(): Promise<void> {
  const asked = cloud.calls
    .filter((c) => (c.data as { action: string }).action === 'poster.code')
    .map((c) => (c.data as { input: { shareId: string } }).input.shareId);
  expect(asked).toHaveLength(2);
  expect(asked[1]).toBe(asked[0]);
  await wait(50);
  const shares = cloud.calls.flatMap(
    (c) =>
      (c.data as { input?: { events?: Array<{ type: string }> } }).input?.events?.filter((e) => e.type === 'share') ??
      [],
  );
  expect(shares).toHaveLength(1);
}

describe('share cards drawn for each speech', () => {
  test('a chat card (5:4) and a 朋友圈 card (square) of the speech’s title, speaker and series', async () => {
    giveCanvases();
    const { page, app } = await openSpeech(3);
    expect(cards.texts()).toEqual(
      expect.arrayContaining(['深入学习领会党的二十大精神', '展现新担当', '实现新作为', '干出新业绩']),
    );
    const chat = call<{ imageUrl: string; promise?: unknown }>(page, 'onShareAppMessage');
    expect(chat.promise).toBeUndefined();
    expect(exported(chat.imageUrl)).toEqual({ width: 500, height: 400 });
    const timeline = call<{ imageUrl: string }>(page, 'onShareTimeline');
    expect(exported(timeline.imageUrl)).toEqual({ width: 500, height: 500 });
    // Drawn once per speech and launch: opening it again draws nothing new and shares the same card.
    const drawn = cards.calls.length;
    const again = await app.open('article', { id: ids[3] as string });
    expect(call<{ imageUrl: string }>(again.page, 'onShareAppMessage').imageUrl).toBe(chat.imageUrl);
    expect(cards.calls.length).toBe(drawn);
  });

  test('a share while the card is still being drawn gives WeChat a promise of it', async () => {
    giveCanvases();
    const exporter = wxMock.canvasToTempFilePath as jest.Mock;
    const exportCanvas = exporter.getMockImplementation() as (o: unknown) => unknown;
    // The chat card's export (the first) takes a while, as on a slow phone.
    exporter.mockImplementationOnce((options: unknown) => {
      setTimeout(() => exportCanvas(options), 150);
    });
    const app = freshApp();
    const { page } = await app.open('article', { id: ids[0] as string });
    const share = call<{ imageUrl: string; path: string; promise?: Promise<{ imageUrl: string; path: string }> }>(
      page,
      'onShareAppMessage',
    );
    expect(share.imageUrl).toBe('/assets/share-5x4.png');
    expect(share.promise).toBeInstanceOf(Promise);
    const resolved = await share.promise;
    expect(resolved?.path).toBe(share.path);
    expect(exported(resolved?.imageUrl ?? '')).toEqual({ width: 500, height: 400 });
  });

  test('when drawing fails (no canvas) the generic picture is shared', async () => {
    const { page } = await openSpeech(2);
    expect(call<{ imageUrl: string }>(page, 'onShareAppMessage').imageUrl).toBe('/assets/share-5x4.png');
    expect(call<{ imageUrl: string }>(page, 'onShareTimeline').imageUrl).toBe('/assets/share-5x4.png');
  });
});

describe('生成海报', () => {
  async function makePoster(opened: OpenedPage & { app: ReturnType<typeof freshApp> }) {
    tapButton(opened.page, '.make-poster');
    await until(() => opened.page.querySelector('.poster-image') !== undefined, 'the poster shows');
    await opened.app.settle();
  }

  test('draws the speech’s title, speaker, opening and series with its poster code, and records the share', async () => {
    giveCanvases();
    const opened = await openSpeech(0);
    await makePoster(opened);

    const asked = cloud.calls.find((c) => (c.data as { action: string }).action === 'poster.code');
    const { shareId, articleId } = (asked?.data as { input: { shareId: string; articleId: string } } | undefined)
      ?.input ?? { shareId: '', articleId: '' };
    expect(articleId).toBe(ids[0]);
    expect(shareId.startsWith(prefixOf(READER))).toBe(true);

    // Drawn from the speech's own data…
    const drawn = posters.texts();
    expect(drawn).toEqual(expect.arrayContaining(['深入学习领会党的二十大精神', '长按识别小程序码']));
    expect(drawn.join('')).toContain('潮起东方万象新');
    expect(drawn).toContain('市委网信办主任 李子未');
    const record = await cloud.stores.content.getArticle(ids[0] as string);
    const opening = record?.blocks.find((b) => b.kind !== 'heading')?.text ?? '';
    expect(drawn.join('')).toContain(opening.slice(0, 10));
    // …with the code downloaded from the code's link, drawn into the white foot.
    const image = posters.calls.find((c) => c.name === 'drawImage')?.args[0] as { src: string };
    const download = wxStub.files.get(image.src);
    expect(download).toMatchObject({ kind: 'download', url: expect.stringMatching(/^memory:\/\/files\/codes\//) });
    expect(posters.calls.find((c) => c.name === 'drawImage')?.args.slice(1)).toEqual([490, 930, 220, 220]);

    // The preview is the exported poster, 750 × 1200, with the local stand-in said.
    const shown = (opened.page.instance.data.posterSheet as { image: string }).image;
    expect(exported(shown)).toEqual({ width: 750, height: 1200 });
    expect(opened.text()).toContain('本地替代');

    // The share is recorded the way chat shares are, so reads through the poster count as share-driven.
    await until(
      () =>
        cloud.calls.some((c) =>
          (
            (c.data as { input?: { events?: Array<{ type: string; target?: string; shareId?: string }> } }).input
              ?.events ?? []
          ).some((e) => e.type === 'share' && e.target === 'poster' && e.shareId === shareId),
        ),
      'the poster share is sent',
    );
    const code = await cloud.stores.codes.get(`a=${ids[0]}&c=poster&s=${shareId}`);
    expect(parseScene(code?.scene)).toEqual({ a: ids[0], c: 'poster', s: shareId });
  });

  test('saves the poster to the album', async () => {
    giveCanvases();
    const opened = await openSpeech(1);
    await makePoster(opened);
    tapButton(opened.page, '.poster-save');
    await until(() => opened.text().includes('已保存到相册'), 'saved');
    expect(wxStub.album.saved).toHaveLength(1);
    expect(exported(wxStub.album.saved[0] as string)).toEqual({ width: 750, height: 1200 });
  });

  test('a phone that does not let WeChat at the photos: it says where to allow it, nothing saved', async () => {
    giveCanvases();
    wxStub.album.refusal = 'system permission denied';
    const opened = await openSpeech(1);
    await makePoster(opened);
    tapButton(opened.page, '.poster-save');
    await until(() => opened.text().includes('设置 → 微信 → 照片'), 'where to allow it');
    expect(wxStub.album.saved).toEqual([]);
    expect(opened.text()).not.toContain('请再试一次');
  });

  test('WeChat’s save failures are told apart: refused, refused by the phone, privacy terms, cancelled', () => {
    expect(outcomeOf('saveImageToPhotosAlbum:fail auth deny')).toBe('denied');
    expect(outcomeOf('saveImageToPhotosAlbum:fail authorize no response')).toBe('denied');
    expect(outcomeOf('saveImageToPhotosAlbum:fail system permission denied')).toBe('system');
    expect(outcomeOf('saveImageToPhotosAlbum:fail privacy permission is not authorized')).toBe('privacy');
    expect(outcomeOf('saveImageToPhotosAlbum:fail cancel')).toBe('cancelled');
    expect(outcomeOf('saveImageToPhotosAlbum:fail file not exists')).toBe('failed');
  });

  test('a refused album shows how to allow it, and 去设置 saves once it is allowed', async () => {
    giveCanvases();
    wxStub.album.permission = false;
    const opened = await openSpeech(1);
    await makePoster(opened);
    tapButton(opened.page, '.poster-save');
    await until(() => opened.text().includes('去设置'), 'the guidance');
    expect(opened.text()).toContain('还没有“保存到相册”的权限');
    expect(wxStub.album.saved).toEqual([]);

    wxStub.album.inSettings = true;
    tapButton(opened.page, '.poster-settings');
    await until(() => opened.text().includes('已保存到相册'), 'saved after 设置');
    expect(wxMock.openSetting).toHaveBeenCalledTimes(1);
    expect(wxStub.album.saved).toHaveLength(1);
  });

  test('making the same poster again reuses its code: no new share, no new code', async () => {
    giveCanvases();
    const opened = await openSpeech(2);
    await makePoster(opened);
    opened.page.querySelector('.poster-close')?.dispatchEvent('tap');
    await opened.app.settle();
    expect(opened.page.querySelector('.poster-sheet')).toBeFalsy();
    await makePoster(opened);
    await expectOneCodeAndOneShare();
  });

  test('a retry after a failed download asks with the same share id: no second code, one share', async () => {
    giveCanvases();
    const opened = await openSpeech(1);
    wxStub.downloadFails = true;
    tapButton(opened.page, '.make-poster');
    await until(() => opened.text().includes('小程序码没有下载下来'), 'the failed download');
    wxStub.downloadFails = false;
    tapButton(opened.page, '.poster-retry');
    await until(() => opened.page.querySelector('.poster-image') !== undefined, 'the poster shows');
    await opened.app.settle();
    await expectOneCodeAndOneShare();
  });

  test('a code the server refuses says why, with a retry', async () => {
    giveCanvases();
    const opened = await openSpeech(0);
    const real = wxStub.cloud;
    wxStub.cloud = async (request) =>
      (request.data as { action: string }).action === 'poster.code'
        ? { ok: false, code: 'RATE_LIMITED', message: '今天生成的海报太多了，请明天再试' }
        : real(request);
    tapButton(opened.page, '.make-poster');
    await until(() => opened.text().includes('今天生成的海报太多了'), 'the refusal');
    expect(opened.page.querySelector('.poster-retry')).toBeTruthy();
  });
});
