import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';

/** A cloud call as the preview logged it (local/preview/client/calls.ts). */
export interface Call {
  seq: number;
  who: string;
  name: string;
  action: string;
  input: { events?: Array<{ type: string; eventId: string; shareId?: string }>; eventId?: string } & Record<
    string,
    unknown
  >;
  outcome: 'pending' | 'ok' | 'failed' | 'offline';
  code?: string;
  result?: { ok: boolean; data?: Record<string, unknown> };
}

declare global {
  interface Window {
    wxPreview: { calls(): Call[]; clipboard(): string; album(): string[] };
  }
}

/** miniprogram-simulate prefixes a page's classes with its tag: pages/article/index → pages-article-index--. */
const prefix = (route: string) => `${route.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}--`;

export const HOME = 'pages/installment/index';
export const ARTICLE = 'pages/article/index';
export const SEARCH = 'pages/search/index';
/** The staff subpackage's pages (工作台). */
export const STAFF = {
  overview: 'staff/pages/overview/index',
  ranking: 'staff/pages/ranking/index',
  article: 'staff/pages/article/index',
  channels: 'staff/pages/channels/index',
  export: 'staff/pages/export/index',
  code: 'staff/pages/code/index',
} as const;

/** The preview page as a person uses it: the phone's current page, the side panel, what the app sent. */
export class Preview {
  constructor(
    readonly page: Page,
    readonly url: string,
    private readonly shotsDir: string,
  ) {
    mkdirSync(shotsDir, { recursive: true });
  }

  async open(): Promise<void> {
    await this.page.goto(this.url, { waitUntil: 'domcontentloaded' });
    await this.booted();
  }

  /** After a load or a reload (a cold start): the app is running, or the preview says why not. */
  async booted(): Promise<void> {
    await this.page.waitForFunction(() => document.body.dataset.preview !== undefined);
    const state = await this.page.evaluate(() => document.body.dataset.preview);
    if (state !== 'ready')
      throw new Error(`the preview did not start: ${(await this.page.locator('#preview').textContent()) ?? ''}`);
  }

  /** The page on top of the stack. */
  get current(): Locator {
    return this.page.locator('.wx-page:not([hidden])');
  }

  /** An element of the current page by its WXML class, e.g. el(ARTICLE, 'body'). */
  el(route: string, className: string): Locator {
    return this.page.locator(`.wx-page[data-route="${route}"]:not([hidden]) .${prefix(route)}${className}`);
  }

  async onPage(route: string): Promise<void> {
    await this.page.locator(`.wx-page[data-route="${route}"]:not([hidden])`).waitFor();
  }

  calls(): Promise<Call[]> {
    return this.page.evaluate(() => window.wxPreview.calls());
  }

  /** The number of the app's latest call: later calls have greater numbers. */
  async lastSeq(): Promise<number> {
    return Math.max(0, ...(await this.calls()).map((c) => c.seq));
  }

  /** Waits until the app has made a call matching `test`, and returns it. */
  async waitForCall(test: (call: Call) => boolean, what: string, timeoutMs = 20_000): Promise<Call> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const found = (await this.calls()).find(test);
      if (found) return found;
      if (Date.now() > until) throw new Error(`the app did not send ${what} within ${timeoutMs / 1000}s`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Does what restarts the mini-program (the preview reloads), and waits for the new start. */
  async coldStart(action: () => Promise<void>): Promise<void> {
    const reloaded = this.page.waitForEvent('domcontentloaded');
    await action();
    await reloaded;
    await this.booted();
  }

  /** Switches the user in the side panel: a cold start as that WeChat user. */
  async actAs(label: '读者 A' | '读者 B' | '工作人员'): Promise<void> {
    await this.coldStart(() => this.page.getByRole('radio', { name: label }).click());
  }

  /** Taps a staff page's tab (概览, 排行…) or one of its choices (今日, 累计, 阅读数…), by its label. */
  async tapChoice(label: string): Promise<void> {
    await this.current
      .locator('[class~="staff-tabs--tab"], [class~="staff-segments--segment"]')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .first()
      .tap();
  }

  /** What the app last put on the clipboard (wx.setClipboardData). */
  clipboard(): Promise<string> {
    return this.page.evaluate(() => window.wxPreview.clipboard());
  }

  /** What was saved to the album (wx.saveImageToPhotosAlbum) since the last start: temporary files (blob: URLs). */
  album(): Promise<string[]> {
    return this.page.evaluate(() => window.wxPreview.album());
  }

  /** Answers the dialog over the phone (wx.showModal, or WeChat asking for a permission) by its button. */
  async answerModal(button: string): Promise<void> {
    const dialog = this.page.locator('.wx-modal');
    await dialog.waitFor();
    // As a person would: the dialog ignores clicks in its first moments (the tap that opened it; overlays.ts).
    await this.page.waitForTimeout(500);
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The size of an image the app shows (`<image src>`, drawn as the element's background), once it has loaded. */
  async imageSize(locator: Locator): Promise<{ src: string; width: number; height: number }> {
    return locator.first().evaluate(async (el) => {
      const src = /url\("(.*)"\)/.exec((el as HTMLElement).style.backgroundImage)?.[1] ?? '';
      const image = new Image();
      await new Promise((resolve, reject) => {
        image.onload = resolve;
        image.onerror = () => reject(new Error(`the image ${src} did not load`));
        image.src = src;
      });
      return { src, width: image.naturalWidth, height: image.naturalHeight };
    });
  }

  async setOnline(online: boolean): Promise<void> {
    await this.page.getByLabel('联网').setChecked(online);
  }

  async shot(name: string): Promise<string> {
    const file = path.join(this.shotsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}

/** The computed font size, in px, of the first element `locator` matches. */
export const fontSize = (locator: Locator): Promise<number> =>
  locator.first().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
