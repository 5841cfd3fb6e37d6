/**
 * The preview's entry point: builds the phone and the side panel, installs the `wx` shim, loads the
 * mini-program through miniprogram-simulate and starts it as WeChat would (App.onLaunch, App.onShow, the page).
 */
import type { LoadedApp } from '../../simulate/loader';
import { CallLog } from './calls';
import { createChrome } from './chrome';
import { Navigation } from './navigation';
import { Overlays } from './overlays';
import { createPanel, type Speech } from './panel';
import { appConfig, type Instance, loadApp, pageConfigs, type Rendered } from './simulate';
import {
  DEFAULT_STATE,
  type Entry,
  type IdentityId,
  isSinglePage,
  loadState,
  type PreviewState,
  parseUrl,
  saveState,
  toUrl,
} from './state';
import { themed } from './theme';
import { mouseAsTouch, onTap } from './touch';
import { albumSaved, createPreviewWx } from './wx';

interface AppDefinition {
  onLaunch?(options: unknown): void;
  onShow?(options: unknown): void;
  onHide?(): void;
  [key: string]: unknown;
}

interface ShareContent {
  title?: string;
  path?: string;
  query?: string;
  imageUrl?: string;
}

declare global {
  interface Window {
    wx: Record<string, unknown>;
    App: (definition: AppDefinition) => void;
    getApp: () => AppDefinition;
    getCurrentPages: () => Instance[];
    /** For people and the e2e run: what the app sent, the preview's state, and what the app copied. */
    wxPreview: {
      calls: CallLog['all'];
      state: () => PreviewState;
      clipboard: () => string;
      /** What was saved to the album since the start. */
      album: () => string[];
    };
  }
}

/** Who opens what a reader shares: the other reader. */
const OTHER: Record<IdentityId, IdentityId> = { a: 'b', b: 'a', staff: 'a' };
const IN_FLIGHT_WAIT_MS = 3000;

/** app.json's first page; the panel's "open a speech" entries go to the article page. */
const homeRoute = pageConfigs[0]?.route ?? '';
const articleRoute = pageConfigs.find((p) => p.route === 'pages/article/index')?.route ?? homeRoute;

function boot(container: HTMLElement): void {
  const state = loadState();
  const launch: Entry = structuredClone(state.entry);
  const calls = new CallLog();
  let app: AppDefinition = {};
  let loaded: LoadedApp<Rendered> | null = null;

  const chrome = createChrome(container, {
    back: () => guarded(() => nav.navigateBack(1)),
    home: () => guarded(() => nav.reLaunch(`/${homeRoute}`)),
    more: () => void menu(),
    restart: () => void coldStart({}),
  });
  const overlays = new Overlays(chrome.overlays);
  const nav = new Navigation({
    viewport: chrome.viewport,
    render: (route) => {
      if (!loaded) throw new Error('the app is not loaded yet');
      return loaded.render(route);
    },
    hasPage: (route) => pageConfigs.some((p) => p.route === route),
    pullDownRefresh: (route) => pageConfigs.find((p) => p.route === route)?.pullDownRefresh === true,
    changed: () => refresh(),
  });
  const controls = createPreviewWx(window.wx ?? {}, {
    state: () => state,
    launch,
    homeRoute,
    libVersion: appConfig.libVersion,
    calls,
    screen: { pages: nav, overlays },
    modal: (options) => overlays.modal(options),
  });

  function guarded(run: () => void): void {
    try {
      run();
    } catch (error) {
      console.warn('[preview]', error);
    }
  }

  function refresh(): void {
    const top = nav.top;
    const config = pageConfigs.find((p) => p.route === top?.route);
    const singlePage = isSinglePage(state.entry);
    const bar = appConfig.window;
    chrome.render({
      title: config?.title ?? bar.navigationBarTitleText ?? '',
      canGoBack: nav.pages.length > 1 && !singlePage,
      showHome: nav.pages.length === 1 && top?.route !== homeRoute && !singlePage,
      background: themed(bar.navigationBarBackgroundColor, appConfig.theme, state.dark) ?? '#000000',
      textColor: themed(bar.navigationBarTextStyle, appConfig.theme, state.dark) === 'black' ? 'black' : 'white',
      dark: state.dark,
      online: state.online,
      singlePage,
    });
  }

  /** A cold start: the state saved, the page reloaded — new stores, the identity's own storage. */
  async function coldStart(patch: Partial<PreviewState>): Promise<void> {
    Object.assign(state, patch);
    saveState(state);
    // Let calls already on their way (a share the queue is sending) reach the server first.
    const until = Date.now() + IN_FLIGHT_WAIT_MS;
    while (calls.all().some((c) => c.outcome === 'pending') && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    location.reload();
  }

  /** A warm start: the app goes to the background and comes back through another entry. */
  function warmStart(entry: Entry): void {
    nav.hide();
    app.onHide?.();
    state.entry = entry;
    saveState(state);
    app.onShow?.(controls.enterOptions());
    const url = toUrl(entry.path || homeRoute, entry.query);
    const top = nav.top;
    if (top && nav.pages.length === 1 && toUrl(top.route, top.query) === url) nav.show();
    else guarded(() => nav.reLaunch(url));
    refresh();
  }

  function share(from: 'button' | 'menu', timeline = false): void {
    const top = nav.top;
    if (!top) return;
    const instance = top.rendered.instance;
    const method = instance[timeline ? 'onShareTimeline' : 'onShareAppMessage'];
    if (typeof method !== 'function') {
      overlays.toast('这个页面没有设置分享', 'none');
      return;
    }
    const content = (method.call(instance, { from }) ?? {}) as ShareContent;
    const title = content.title ?? document.title;
    const path = timeline
      ? toUrl(top.route, content.query ? parseUrl(`?${content.query}`).query : top.query)
      : (content.path ?? toUrl(top.route, top.query));
    const other = OTHER[state.identity];
    const target = parseUrl(path);
    const entry: Entry = timeline
      ? { scene: 1154, path: target.route, query: target.query, apiCategory: 'browseOnly' }
      : { scene: 1007, path: target.route, query: target.query, chatType: 1 };
    overlays.shareCard(
      {
        title,
        path,
        target: timeline ? '朋友圈' : '微信好友',
        ...(content.imageUrl && { imageUrl: content.imageUrl }),
      },
      [
        {
          label: `以${other === 'a' ? '读者 A' : '读者 B'}打开`,
          run: () => void coldStart({ identity: other, entry }),
        },
      ],
    );
  }

  async function menu(): Promise<void> {
    const choice = await overlays.actionSheet(['转发给朋友', '分享到朋友圈', '重新进入小程序']);
    if (choice === 0) share('menu');
    else if (choice === 1) share('menu', true);
    else if (choice === 2) await coldStart({});
  }

  window.wx = controls.wx;
  window.App = (definition) => {
    app = definition;
  };
  window.getApp = () => app;
  window.getCurrentPages = () => nav.pages.map((p) => p.rendered.instance);
  window.wxPreview = {
    calls: () => calls.all(),
    state: () => state,
    clipboard: () => controls.clipboard(),
    album: () => [...albumSaved],
  };

  mouseAsTouch(chrome.phone);
  onTap(chrome.viewport, (target) => {
    if (target.closest('wx-button[open-type="share"]:not([disabled])')) share('button');
  });

  createPanel(chrome.panel, state, calls, { home: homeRoute, article: articleRoute }, speeches(), {
    setIdentity: (identity) => void coldStart({ identity, entry: structuredClone(DEFAULT_STATE.entry) }),
    setOnline: (online) => {
      state.online = online;
      saveState(state);
      controls.networkChanged(online);
      refresh();
    },
    enter: warmStart,
    restart: () => void coldStart({}),
    setDark: (dark) => {
      state.dark = dark;
      saveState(state);
      controls.themeChanged(dark ? 'dark' : 'light');
      refresh();
    },
    setFontSize: (fontSize) => void coldStart({ fontSize }),
  });

  loaded = loadApp();
  const options = controls.launchOptions();
  app.onLaunch?.(options);
  app.onShow?.(options);
  nav.reLaunch(toUrl(launch.path || homeRoute, launch.query));
  refresh();
}

/** The speeches of the newest installment, for the panel's landing-page choice (asked directly, not as the app). */
async function speeches(): Promise<Speech[]> {
  const ask = async (action: string, input: unknown) => {
    const res = await fetch('/api/content', { method: 'POST', body: JSON.stringify({ action, input }) });
    return (await res.json()) as { ok: boolean; data?: { items?: Array<{ id: string }>; articles?: Speech[] } };
  };
  try {
    const list = await ask('installment.list', {});
    const id = list.data?.items?.[0]?.id;
    if (!id) return [];
    return (await ask('installment.get', { id })).data?.articles ?? [];
  } catch {
    return [];
  }
}

const container = document.getElementById('preview');
if (container) {
  try {
    boot(container);
    document.body.dataset.preview = 'ready';
  } catch (error) {
    document.body.dataset.preview = 'error';
    container.prepend(
      Object.assign(document.createElement('pre'), {
        className: 'boot-error',
        textContent: String(error instanceof Error ? error.stack : error),
      }),
    );
    throw error;
  }
  if (document.body.dataset.live === 'true') {
    new EventSource('/preview/events').onmessage = () => location.reload();
  }
}
