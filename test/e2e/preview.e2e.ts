/**
 * The reader's journey through the browser preview, against a fresh data folder, then staff reading what it
 * counted in 工作台 and making a channel and its code, then a reader's poster: each step depends on the ones before
 * it and saves a screenshot (test-results/e2e/) of what it saw. Run by test/e2e/run.ts.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { openSqliteStores } from '../../backend/storage/sqlite';
import { addDays, dayOf } from '../../backend/track/day';
import { ARTICLE, type Call, fontSize, HOME, type Preview, SEARCH, STAFF } from './support/preview';

export interface Journey {
  preview: Preview;
  /** The speech reader A opens (the first card). */
  articleId?: string;
  shareId?: string;
  /** The read A made offline, which the queue must deliver once. */
  offlineReadId?: string;
  /** Openings the server counted so far (each seen counted by the step that made it). */
  counted?: number;
  /** Of those, openings through someone else's share. */
  throughShares?: number;
}

export interface Step {
  name: string;
  /** Runs in the browser while the server is up. */
  run(journey: Journey): Promise<void>;
}

const readCount = async (p: Preview): Promise<string> =>
  ((await p.el(ARTICLE, 'meta').textContent()) ?? '').replace(/\s+/g, '');

async function openFirstSpeech(p: Preview): Promise<string> {
  await p.onPage(HOME);
  const card = p.el(HOME, 'card').first();
  const id = await card.getAttribute('data-id');
  assert.ok(id, 'the first card names its speech (data-id)');
  await card.tap();
  await p.onPage(ARTICLE);
  await p.el(ARTICLE, 'body').waitFor();
  return id;
}

const delivered = (call: Call, eventId: string) =>
  call.name === 'track' && call.outcome === 'ok' && (call.input.events ?? []).some((e) => e.eventId === eventId);

export const steps: Step[] = [
  {
    name: 'reader A opens the home page: title, editor’s note, six speech cards',
    async run(j) {
      const p = j.preview;
      await p.open();
      await p.onPage(HOME);
      await p.el(HOME, 'masthead-title').waitFor();
      assert.match((await p.el(HOME, 'masthead-title').textContent()) ?? '', /深入学习领会党的二十大精神/);
      assert.match((await p.el(HOME, 'note').textContent()) ?? '', /编者的话/);
      const cards = p.el(HOME, 'card');
      assert.equal(await cards.count(), 6);
      for (const card of await cards.all()) assert.ok(await card.isVisible(), 'every speech card is shown');
      await p.shot('01-home');
    },
  },
  {
    name: 'A opens a speech: the body shows, read count 1; opening it again within 30 minutes keeps 1',
    async run(j) {
      const p = j.preview;
      j.articleId = await openFirstSpeech(p);
      assert.ok((await p.el(ARTICLE, 'para').count()) > 3, 'the speech has its paragraphs');
      await p.page.waitForFunction(() =>
        document.querySelector('.wx-page:not([hidden])')?.textContent?.includes('阅读 1'),
      );
      j.counted = 1;
      j.throughShares = 0;
      await p.shot('02-article');

      await p.page.getByRole('button', { name: '返回' }).tap();
      await p.onPage(HOME);
      const before = await p.lastSeq();
      await openFirstSpeech(p);
      // A cached speech is recorded by track.read after it shows: wait for the answer, then read the count.
      const again = await p.waitForCall(
        (c) => c.seq > before && c.name === 'track' && c.action === 'read' && c.outcome === 'ok',
        'track.read for the re-opening',
      );
      assert.equal(again.result?.data?.counted, false, 'a re-opening within 30 minutes is not counted');
      assert.match(await readCount(p), /阅读1$/);
      await p.shot('02-article-again');
    },
  },
  {
    name: 'A taps 返回全部发言: back to the one home page, with no back arrow to a second home',
    async run(j) {
      const p = j.preview;
      const home = p.el(ARTICLE, 'pager-home');
      await home.scrollIntoViewIfNeeded();
      await home.tap();
      await p.onPage(HOME);
      assert.equal(await p.page.locator(`.wx-page[data-route="${HOME}"]`).count(), 1, 'one home page on the stack');
      assert.equal(await p.page.locator('.wx-page').count(), 1, 'the home page is the whole stack');
      assert.equal(await p.page.getByRole('button', { name: '返回' }).isVisible(), false, 'home shows no back arrow');
      await openFirstSpeech(p);
    },
  },
  {
    name: 'the reading progress bar shows against the red nav bar in light mode, and grows as A scrolls',
    async run(j) {
      const p = j.preview;
      await p.current.evaluate((el) => el.scrollTo(0, 1200));
      await p.page.waitForFunction(() => {
        const bar = document.querySelector<HTMLElement>(
          '.wx-page:not([hidden]) [class*="--progress"]:not([class*="track"])',
        );
        return bar !== null && bar.getBoundingClientRect().width > 10;
      });
      const look = await p.page.evaluate(() => {
        const bar = document.querySelector('.wx-page:not([hidden]) [class*="--progress"]:not([class*="track"])');
        const track = document.querySelector('.wx-page:not([hidden]) [class*="--progress-track"]');
        const nav = document.querySelector('.nav-bar');
        if (!bar || !track || !nav) return null;
        return {
          bar: getComputedStyle(bar).backgroundColor,
          track: getComputedStyle(track).backgroundColor,
          nav: getComputedStyle(nav).backgroundColor,
          height: bar.getBoundingClientRect().height,
        };
      });
      assert.ok(look, 'the page has a progress bar on a track, under the nav bar');
      assert.notEqual(look.bar, look.nav, 'the bar is not in the nav bar’s own colour');
      assert.notEqual(look.track, look.nav, 'its track stands out from the nav bar');
      assert.notEqual(look.bar, look.track, 'the filled part stands out from its track');
      assert.ok(look.height >= 4, `the bar is at least 4 px tall (${look.height})`);
      await p.shot('03-progress');
      await p.current.evaluate((el) => el.scrollTo(0, 0));
    },
  },
  {
    name: 'A switches to 特大: the body font grows, and a reload keeps it',
    async run(j) {
      const p = j.preview;
      const standard = await fontSize(p.el(ARTICLE, 'para'));
      await p.el(ARTICLE, 'font-step').filter({ hasText: '特大' }).tap();
      await p.page.waitForFunction((px) => {
        const para = document.querySelector('.wx-page:not([hidden]) [class*="--para"]');
        return para !== null && Number.parseFloat(getComputedStyle(para).fontSize) > px;
      }, standard);
      const large = await fontSize(p.el(ARTICLE, 'para'));
      assert.ok(large >= standard * 1.2, `特大 body text is larger (${standard}px → ${large}px)`);
      await p.shot('03-font-large');

      await p.coldStart(async () => {
        await p.page.reload({ waitUntil: 'domcontentloaded' });
      });
      await openFirstSpeech(p);
      assert.equal(await fontSize(p.el(ARTICLE, 'para')), large, 'the reader’s size survives a restart');
      await p.shot('03-font-after-reload');
    },
  },
  {
    name: 'A shares the speech; reader B opens the card: B’s read counts (2)',
    async run(j) {
      const p = j.preview;
      await p.current.locator('wx-button[open-type="share"]').tap();
      const card = p.page.getByRole('dialog', { name: '分享卡片' });
      await card.waitFor();
      const sharedPath = (await card.locator('.wx-share-path').textContent()) ?? '';
      const url = new URL(sharedPath, 'https://mp.invalid');
      assert.equal(url.pathname, `/${ARTICLE}`);
      assert.equal(url.searchParams.get('id'), j.articleId, 'the path names the speech');
      assert.equal(url.searchParams.get('ch'), 'chat');
      const shareId = url.searchParams.get('s');
      assert.match(shareId ?? '', /^[A-Za-z0-9_-]{6,10}$/, 'the path carries a share id');
      j.shareId = shareId ?? undefined;
      await p.shot('04-share-card');
      // The share is queued and sent at once; B's read is share-driven only once the server knows the share.
      await p.waitForCall(
        (c) => c.name === 'track' && c.outcome === 'ok' && (c.input.events ?? []).some((e) => e.shareId === shareId),
        'the share event',
      );

      await p.coldStart(() => card.getByRole('button', { name: '以读者 B打开' }).click());
      assert.ok(await p.page.getByRole('radio', { name: '读者 B' }).isChecked(), 'the preview now reads as B');
      await p.onPage(ARTICLE);
      await p.el(ARTICLE, 'body').waitFor();
      await p.page.waitForFunction(() =>
        document.querySelector('.wx-page:not([hidden])')?.textContent?.includes('阅读 2'),
      );
      const read = await p.waitForCall(
        (c) => c.who === '读者 B' && c.action === 'article.get' && c.outcome === 'ok',
        'B’s article.get',
      );
      const outcome = read.result?.data?.read as { counted?: boolean } | undefined;
      assert.equal(outcome?.counted, true, 'B’s opening counted');
      j.counted = (j.counted ?? 0) + 1;
      j.throughShares = (j.throughShares ?? 0) + 1;
      await p.shot('04-reader-b');
    },
  },
  {
    name: 'A, offline, reopens the speech from the cache; back online the queued read is delivered once',
    async run(j) {
      const p = j.preview;
      await p.actAs('读者 A');
      await p.onPage(HOME);
      await p.el(HOME, 'card').first().waitFor();
      await p.setOnline(false);
      const before = await p.lastSeq();
      await openFirstSpeech(p);
      await p.el(ARTICLE, 'notice').filter({ hasText: '离线内容' }).waitFor();
      const failed = await p.waitForCall(
        (c) => c.seq > before && c.action === 'read' && c.outcome === 'offline',
        'the offline read attempt',
      );
      const eventId = failed.input.eventId;
      assert.ok(eventId, 'the read carries an event id');
      j.offlineReadId = eventId;
      await p.shot('05-offline');

      await p.setOnline(true);
      await p.waitForCall((c) => delivered(c, eventId), 'the queued read after reconnecting', 60_000);
      // Give a second delivery every chance to happen before counting.
      await p.page.waitForTimeout(3_000);
      const deliveries = (await p.calls()).filter((c) => delivered(c, eventId));
      assert.equal(deliveries.length, 1, 'the queued read is delivered exactly once');
      // The app's queue, in reader A's storage (the preview keeps it under wx.<reader>.<key>).
      const queued = await p.page.evaluate(() => localStorage.getItem('wx.a.esd.queue.v1'));
      const left = (JSON.parse(queued ?? '{"v":[]}') as { v: Array<{ eventId: string }> }).v;
      assert.ok(!left.some((e) => e.eventId === eventId), 'the read has left the queue');
      await p.shot('05-back-online');
    },
  },
  {
    name: 'at 超大 everything grows: the share button, headings over the body, 展开全文, the search box and 没有找到',
    async run(j) {
      const p = j.preview;
      await p.el(ARTICLE, 'font-step').filter({ hasText: '超大' }).tap();
      await p.page.waitForFunction(() => document.querySelector('.wx-page:not([hidden]) [class*="--fs-3"]') !== null);
      const body = await fontSize(p.el(ARTICLE, 'para'));
      assert.ok(body >= 26, `超大 body text is about 27 px (${body})`);
      // Headings' size, as the page sets it for every heading (this speech has none of its own).
      const heading = await p.page.evaluate(() => {
        const root = document.querySelector('.wx-page:not([hidden]) [class*="--fs-3"]');
        return root ? Number.parseFloat(getComputedStyle(root).getPropertyValue('--heading')) : 0;
      });
      assert.ok(heading >= body + 3, `a heading is clearly larger than the body (${heading} vs ${body})`);
      // TDesign's button eases into its new size: wait until it has settled.
      await p.page.waitForTimeout(600);
      const share = await fontSize(p.current.locator('wx-button[open-type="share"]'));
      assert.ok(share >= body, `分享给好友 is as large as the body (${share} vs ${body})`);
      await p.page.getByLabel('深色模式').setChecked(true);
      await p.page.waitForFunction(() => {
        const page = document.querySelector('.wx-page:not([hidden]) [class*="--fs-3"]');
        return page !== null && getComputedStyle(page).backgroundColor === 'rgb(17, 17, 17)';
      });
      await p.shot('09-article-xl-dark');
      await p.page.getByLabel('深色模式').setChecked(false);

      await p.page.getByRole('button', { name: '返回' }).tap();
      await p.onPage(HOME);
      const toggle = await fontSize(p.el(HOME, 'note-toggle'));
      assert.ok(toggle >= body, `展开全文 is at body size (${toggle} vs ${body})`);
      await p.el(HOME, 'search-entry').tap();
      await p.onPage(SEARCH);
      const box = p.current.locator('input').first();
      assert.ok((await fontSize(box)) >= body, `the search box’s words are at body size (${await fontSize(box)})`);
      await box.fill('无此词语');
      await box.press('Enter');
      const empty = p.current.getByText('没有找到', { exact: false });
      await empty.waitFor();
      assert.ok((await fontSize(empty)) >= body, `没有找到 is at body size (${await fontSize(empty)})`);
      await box.fill('融合');
      await box.press('Enter');
      await p.el(SEARCH, 'hit').first().waitFor();
      await p.shot('09-search-xl');
      await p.page.getByRole('button', { name: '返回' }).tap();
      await openFirstSpeech(p);
    },
  },
  {
    name: 'a reader sees no 工作台, and the stats function refuses them',
    async run(j) {
      const p = j.preview;
      await p.page.getByRole('button', { name: '返回' }).tap();
      await p.onPage(HOME);
      await p.waitForCall((c) => c.who === '读者 A' && c.action === 'whoami' && c.outcome === 'ok', 'A’s whoami');
      await p.el(HOME, 'card').first().waitFor();
      assert.equal(await p.el(HOME, 'staff-entry').count(), 0, 'no 工作台 entry for a reader');
      const refused = await p.page.evaluate(async () => {
        const res = await fetch('/api/stats', {
          method: 'POST',
          headers: { 'x-openid': 'preview-reader-a' },
          body: JSON.stringify({ action: 'overview', input: { range: 'all' } }),
        });
        return (await res.json()) as { ok: boolean; code?: string };
      });
      assert.deepEqual({ ok: refused.ok, code: refused.code }, { ok: false, code: 'FORBIDDEN' });
    },
  },
  {
    name: '工作人员 opens 工作台: 概览 shows the reads counted above, and the chart draws',
    async run(j) {
      const p = j.preview;
      await p.actAs('工作人员');
      await p.onPage(HOME);
      const entry = p.el(HOME, 'staff-entry');
      await entry.waitFor();
      assert.equal((await entry.textContent())?.trim(), '工作台');
      await entry.tap();
      await p.onPage(STAFF.overview);
      await p.el(STAFF.overview, 'figure-pv').waitFor();
      // 累计, so that the check holds across midnight too.
      await p.tapChoice('累计');
      await p.page.waitForFunction(() =>
        document.querySelector('.wx-page:not([hidden])')?.textContent?.includes('累计读者为去重后的人数'),
      );
      const value = (key: string) =>
        p.el(STAFF.overview, `figure-${key}`).locator('[class*="--figure-value"]').textContent();
      assert.equal(await value('pv'), String(j.counted), `阅读数 is the ${j.counted} openings counted above`);
      assert.equal(await value('uv'), '2', '读者数: A and B');
      assert.equal(await value('shareReads'), String(j.throughShares), '经分享阅读: B’s, through A’s share');
      assert.equal(await value('shares'), '1', '分享数: A’s share');
      // The chart drew: its canvas was sized for the screen and has more than the empty card on it.
      await p.el(STAFF.overview, 'trend').scrollIntoViewIfNeeded();
      const drawn = await p.page.waitForFunction(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('.wx-page:not([hidden]) wx-canvas > canvas');
        if (!canvas || canvas.width <= 300) return false;
        const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) painted++;
        return painted > 500;
      });
      assert.ok(await drawn.jsonValue(), 'the trend chart has drawn');
      await p.shot('06-staff-overview');
    },
  },
  {
    name: 'staff open 排行 and the speech: its reads, and the share chain 分享 → 经分享阅读',
    async run(j) {
      const p = j.preview;
      await p.tapChoice('排行');
      await p.onPage(STAFF.ranking);
      const first = p.el(STAFF.ranking, 'rank-row').first();
      await first.waitFor();
      assert.equal(await first.getAttribute('data-id'), j.articleId, 'the speech read above ranks first');
      assert.equal(
        (await p.el(STAFF.ranking, 'rank-value').first().textContent())?.trim(),
        String(j.counted),
        'ranked by its reads',
      );
      await p.shot('07-staff-ranking');
      await first.tap();
      await p.onPage(STAFF.article);
      await p.el(STAFF.article, 'funnel').waitFor();
      const steps = await p.el(STAFF.article, 'funnel-value').allTextContents();
      assert.deepEqual(steps, ['1', String(j.throughShares), '0'], '分享 1 → 经分享阅读 1 → 再分享 0');
      await p.el(STAFF.article, 'channel-bars').waitFor();
      await p.el(STAFF.article, 'funnel').scrollIntoViewIfNeeded();
      await p.shot('07-staff-article');
    },
  },
  {
    name: 'staff make the CSV and copy its link: it downloads, with the speech in it',
    async run(j) {
      const p = j.preview;
      await p.page.getByRole('button', { name: '返回' }).tap();
      await p.onPage(STAFF.ranking);
      await p.tapChoice('导出');
      await p.onPage(STAFF.export);
      await p.el(STAFF.export, 'make').tap();
      const url = (await p.el(STAFF.export, 'file-url').textContent())?.trim() ?? '';
      assert.match(url, /\/files\/exports\/.+\.csv$/);
      assert.match((await p.el(STAFF.export, 'cannot-open').textContent()) ?? '', /不能直接打开 CSV/);
      await p.el(STAFF.export, 'copy').tap();
      await p.el(STAFF.export, 'copied').waitFor();
      assert.equal(await p.clipboard(), url, 'the link is on the clipboard');
      const csv = await p.page.evaluate(async (link) => (await fetch(link)).text(), url);
      assert.match(csv, /期次,文章编号,标题/);
      assert.ok(csv.includes(`,${j.articleId},`), 'the speech read above has its rows');
      await p.shot('08-staff-export');
    },
  },
  {
    name: 'staff make a channel on 渠道, open it, and see a speech’s code: the local stand-in, labelled 本地替代',
    async run(j) {
      const p = j.preview;
      await p.tapChoice('渠道');
      await p.onPage(STAFF.channels);
      const form = p.el(STAFF.channels, 'channel-form');
      await form.scrollIntoViewIfNeeded();
      // A code the validator refuses first: it says what a code must be.
      await p.el(STAFF.channels, 'channel-name').locator('input').fill('西门大屏');
      await p.tapChoice('户外大屏');
      await p.el(STAFF.channels, 'channel-code').locator('input').fill('x');
      await p.el(STAFF.channels, 'create').tap();
      await form.getByText('渠道代码须为 2–6 位小写字母或数字').waitFor();
      await p.el(STAFF.channels, 'channel-code').locator('input').fill('xm1');
      await p.el(STAFF.channels, 'create').tap();
      await p.el(STAFF.channels, 'made').filter({ hasText: '已建立“西门大屏”（渠道代码 xm1）' }).waitFor();
      const row = p.current.locator('[data-code="xm1"]');
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', /西门大屏.*属于户外大屏 · 渠道码 xm1/);
      await p.shot('09-staff-channel-made');

      await row.tap();
      await p.onPage(STAFF.code);
      await p.el(STAFF.code, 'speech-row').first().waitFor();
      assert.equal(await p.el(STAFF.code, 'speech-row').count(), 6, 'one row per speech');
      await p.el(STAFF.code, 'speech-row').first().tap();
      await p.el(STAFF.code, 'code-image').waitFor();
      assert.equal((await p.el(STAFF.code, 'stand-in').textContent())?.trim(), '本地替代');
      const code = await p.imageSize(p.el(STAFF.code, 'code-image'));
      assert.match(code.src, /\/files\/codes\/.+-xm1-local\.png$/, 'the stored stand-in, served by npm start');
      assert.ok(code.width >= 100 && code.width === code.height, `a square QR code (${code.width}×${code.height})`);
      const path = (await p.el(STAFF.code, 'code-path').textContent())?.trim() ?? '';
      assert.equal(path, `/pages/article/index?id=${j.articleId}&ch=xm1`);
      await p.el(STAFF.code, 'copy-path').tap();
      await p.el(STAFF.code, 'copied').waitFor();
      assert.equal(await p.clipboard(), path, 'the path is on the clipboard');

      // 保存到相册: WeChat asks the first time; allowed, the code is saved.
      await p.el(STAFF.code, 'save').tap();
      await p.answerModal('允许');
      await p.el(STAFF.code, 'saved').waitFor();
      assert.equal((await p.album()).length, 1, 'one image in the album');
      await p.shot('09-staff-channel-code');
    },
  },
  {
    name: 'reader A makes a poster of the speech: drawn at 750×1200 with its stand-in code, saved to the album',
    async run(j) {
      const p = j.preview;
      await p.actAs('读者 A');
      await openFirstSpeech(p);
      const before = await p.lastSeq();
      await p.el(ARTICLE, 'make-poster').tap();
      const image = p.el(ARTICLE, 'poster-image');
      await image.waitFor({ timeout: 30_000 });
      const issued = await p.waitForCall(
        (c) => c.seq > before && c.action === 'poster.code' && c.outcome === 'ok',
        'the poster’s code',
      );
      assert.equal(issued.input.articleId, j.articleId);
      const poster = await p.imageSize(image);
      assert.deepEqual({ width: poster.width, height: poster.height }, { width: 750, height: 1200 });
      assert.match((await p.el(ARTICLE, 'poster-note').textContent()) ?? '', /本地替代/);
      await p.shot('10-poster');

      // Refused at first: the sheet says how to allow it; allowed in 设置, the poster is saved.
      await p.el(ARTICLE, 'poster-save').tap();
      await p.answerModal('拒绝');
      await p.el(ARTICLE, 'poster-denied').waitFor();
      await p.el(ARTICLE, 'poster-settings').tap();
      await p.answerModal('允许');
      await p.el(ARTICLE, 'poster-saved').waitFor();
      const saved = await p.album();
      assert.equal(saved.length, 1, 'the poster is in the album');
      await p.shot('10-poster-saved');
    },
  },
];

/** Checked after the server stopped, on the data folder it used: what the server recorded. */
export async function checkLedger(dataDir: string, j: Omit<Journey, 'preview'>): Promise<void> {
  assert.ok(j.articleId && j.shareId && j.offlineReadId, 'the journey got far enough to check the ledger');
  const stores = openSqliteStores(path.join(dataDir, 'app.db'));
  try {
    const snapshot = await stores.track.reconcileSnapshot({ from: null, to: addDays(dayOf(Date.now()), 1) });
    const reads = snapshot.entries.map((r) => r.entry).filter((e) => e.type === 'read' && e.articleId === j.articleId);
    const shareDriven = reads.filter((e) => e.type === 'read' && e.share === j.shareId);
    assert.equal(shareDriven.length, 1, 'B’s read is recorded as brought by A’s share');
    assert.equal(shareDriven[0]?.type === 'read' && shareDriven[0].counted, true);
    const offline = snapshot.entries.filter((r) => r.entry.eventId === j.offlineReadId);
    assert.equal(offline.length, 1, 'the read made offline is in the ledger once');
    const totals = snapshot.totals.get(j.articleId ?? '');
    assert.deepEqual(
      { pv: totals?.pv, uv: totals?.uv, shareReads: totals?.shareReads },
      { pv: 2, uv: 2, shareReads: 1 },
    );
  } finally {
    await stores.close();
  }
}
