/**
 * The `wx` the app sees in the preview: only what the app and TDesign call, each as WeChat documents it
 * (callbacks, or a promise when none is given). Everything else stays miniprogram-simulate's mock.
 */
import type { CallLog } from './calls';
import { FRAME, WINDOW_HEIGHT } from './frame';
import { type Navigation, NavigationError } from './navigation';
import type { ModalOptions, Overlays } from './overlays';
import { type Entry, FONT_SIZES, IDENTITIES, isSinglePage, type PreviewState } from './state';

interface Callbacks<T> {
  success?: (res: T & { errMsg: string }) => void;
  fail?: (err: { errMsg: string }) => void;
  complete?: (res: unknown) => void;
}

export interface WxHost {
  state(): PreviewState;
  /** The entry the mini-program was cold-started with. */
  launch: Entry;
  homeRoute: string;
  libVersion: string;
  nav: Navigation;
  overlays: Overlays;
  calls: CallLog;
  /** The title bar may have to change (setNavigationBarTitle). */
  chromeChanged(): void;
}

class ApiError extends Error {}

/** The strip at the bottom of a notched iPhone that pages should keep clear of. */
const HOME_INDICATOR = 34;

/** Runs an async API: calls the callbacks if any were given, otherwise returns a promise, as WeChat does. */
function api<T extends object>(
  name: string,
  options: Callbacks<T> | undefined,
  run: () => T | Promise<T>,
): Promise<T & { errMsg: string }> | undefined {
  const done = Promise.resolve()
    .then(run)
    .then(
      (res) => ({ ...res, errMsg: `${name}:ok` }),
      (error: unknown) => {
        throw error instanceof ApiError || error instanceof NavigationError
          ? { errMsg: `${name}:fail ${error.message}` }
          : error;
      },
    );
  if (!options?.success && !options?.fail && !options?.complete) return done;
  done.then(
    (res) => {
      options.success?.(res);
      options.complete?.(res);
    },
    (err: { errMsg: string }) => {
      options.fail?.(err);
      options.complete?.(err);
    },
  );
  return undefined;
}

/** The identity's storage: WeChat keeps each user's storage apart, so the preview prefixes keys with the reader. */
function storage(host: WxHost) {
  const prefix = () => `wx.${host.state().identity}.`;
  const keys = () =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith(prefix()))
      .map((k) => k.slice(prefix().length));
  return {
    getStorageSync(key: string): unknown {
      const raw = localStorage.getItem(prefix() + key);
      if (raw === null) return '';
      return (JSON.parse(raw) as { v?: unknown }).v ?? '';
    },
    setStorageSync(key: string, value: unknown): void {
      localStorage.setItem(prefix() + key, JSON.stringify({ v: value }));
    },
    removeStorageSync(key: string): void {
      localStorage.removeItem(prefix() + key);
    },
    clearStorageSync(): void {
      for (const key of keys()) localStorage.removeItem(prefix() + key);
    },
    getStorageInfoSync() {
      const size = keys().reduce((sum, k) => sum + (localStorage.getItem(prefix() + k)?.length ?? 0) + k.length, 0);
      return { keys: keys(), currentSize: Math.ceil(size / 1024), limitSize: 10240 };
    },
  };
}

/** `wx.cloud.callFunction` → `POST /api/<name>` on the local server, as the chosen reader. */
function cloud(host: WxHost) {
  return {
    init(): void {},
    callFunction(options: { name: string; data?: unknown } & Callbacks<{ result: unknown; requestID: string }>) {
      return api('cloud.callFunction', options, async () => {
        const { identity, online, entry } = host.state();
        const openid = isSinglePage(entry) ? null : IDENTITIES[identity].openid;
        const who = `${IDENTITIES[identity].label}${openid ? '' : '（无 openid）'}`;
        const record = host.calls.start(who, options.name, options.data);
        if (!online) {
          await new Promise((resolve) => setTimeout(resolve, 150));
          host.calls.finish(record, 'offline');
          throw new ApiError('request:fail');
        }
        let response: Response;
        try {
          response = await fetch(`/api/${encodeURIComponent(options.name)}`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', ...(openid && { 'x-openid': openid }) },
            body: JSON.stringify(options.data ?? {}),
          });
        } catch {
          host.calls.finish(record, 'offline');
          throw new ApiError('request:fail');
        }
        const result: unknown = await response.json().catch(() => undefined);
        if (result === undefined) {
          host.calls.finish(record, 'failed');
          throw new ApiError(`-1 | errMsg: the local server answered ${response.status} without JSON`);
        }
        host.calls.finish(record, 'ok', result);
        if (response.status === 404 && String((result as { message?: string }).message).includes('云函数')) {
          throw new ApiError('-501000 | errMsg: FunctionName parameter could not be found');
        }
        return { result, requestID: `preview-${record.seq}` };
      });
    },
  };
}

export interface Wx {
  [name: string]: unknown;
}

export type EnterOptions = ReturnType<typeof enterOptionsOf>;

const enterOptionsOf = (entry: Entry, homeRoute: string) => ({
  scene: entry.scene,
  path: entry.path || homeRoute,
  query: { ...entry.query },
  referrerInfo: {},
  ...(entry.chatType !== undefined && { chatType: entry.chatType }),
  apiCategory: entry.apiCategory ?? 'default',
});

export interface WxControls {
  wx: Wx;
  enterOptions(): EnterOptions;
  launchOptions(): EnterOptions;
  /** The side panel switched the network: tells onNetworkStatusChange listeners. */
  networkChanged(online: boolean): void;
  themeChanged(dark: boolean): void;
}

export function createWx(host: WxHost): WxControls {
  const networkListeners = new Set<(res: { isConnected: boolean; networkType: string }) => void>();
  const themeListeners = new Set<(res: { theme: string }) => void>();
  /** An API that does something and answers `<name>:ok` (or fails with the error it threw). */
  const act =
    <O extends object>(name: string, run: (options: O) => void) =>
    (options?: O & Callbacks<object>) =>
      api(name, options, () => {
        run(options ?? ({} as O));
        return {};
      });
  const theme = () => (host.state().dark ? 'dark' : 'light');
  const enterOptions = () => enterOptionsOf(host.state().entry, host.homeRoute);
  const launchOptions = () => enterOptionsOf(host.launch, host.homeRoute);
  const windowInfo = () => ({
    pixelRatio: window.devicePixelRatio,
    screenWidth: FRAME.width,
    screenHeight: FRAME.height,
    windowWidth: FRAME.width,
    windowHeight: WINDOW_HEIGHT,
    statusBarHeight: FRAME.statusBarHeight,
    screenTop: FRAME.statusBarHeight + FRAME.navigationBarHeight,
    safeArea: {
      left: 0,
      right: FRAME.width,
      top: FRAME.statusBarHeight,
      bottom: FRAME.height - HOME_INDICATOR,
      width: FRAME.width,
      height: FRAME.height - FRAME.statusBarHeight - HOME_INDICATOR,
    },
  });
  const appBaseInfo = () => {
    const font = FONT_SIZES[host.state().fontSize];
    return {
      // TDesign decides by SDKVersion whether components get virtual hosts (2.19.2 and later).
      SDKVersion: host.libVersion,
      version: '8.0.50',
      language: 'zh_CN',
      theme: theme(),
      enableDebug: false,
      host: { env: 'WeChat' },
      fontSizeSetting: font.fontSizeSetting,
      fontSizeScaleFactor: font.fontSizeScaleFactor,
    };
  };
  const deviceInfo = () => ({
    platform: 'ios',
    system: 'iOS 17.5',
    brand: 'preview',
    model: 'iPhone（预览）',
    pixelRatio: window.devicePixelRatio,
  });

  const wx: Wx = {
    ...storage(host),
    cloud: cloud(host),

    getEnterOptionsSync: enterOptions,
    getLaunchOptionsSync: launchOptions,
    getAppBaseInfo: appBaseInfo,
    getWindowInfo: windowInfo,
    getDeviceInfo: deviceInfo,
    getSystemInfoSync: () => ({ ...deviceInfo(), ...windowInfo(), ...appBaseInfo() }),
    onThemeChange: (fn: (res: { theme: string }) => void) => themeListeners.add(fn),
    offThemeChange: (fn: (res: { theme: string }) => void) => themeListeners.delete(fn),

    getNetworkType: (options?: Callbacks<{ networkType: string }>) =>
      api('getNetworkType', options, () => ({ networkType: host.state().online ? 'wifi' : 'none' })),
    onNetworkStatusChange: (fn: (res: { isConnected: boolean; networkType: string }) => void) =>
      networkListeners.add(fn),
    offNetworkStatusChange: (fn: (res: { isConnected: boolean; networkType: string }) => void) =>
      networkListeners.delete(fn),

    nextTick: (fn: () => void) => setTimeout(fn, 0),
    navigateTo: act<{ url: string }>('navigateTo', (o) => host.nav.navigateTo(o.url)),
    redirectTo: act<{ url: string }>('redirectTo', (o) => host.nav.redirectTo(o.url)),
    reLaunch: act<{ url: string }>('reLaunch', (o) => host.nav.reLaunch(o.url)),
    switchTab: act<{ url: string }>('switchTab', (o) => host.nav.reLaunch(o.url)),
    navigateBack: act<{ delta?: number }>('navigateBack', (o) => host.nav.navigateBack(o.delta ?? 1)),
    pageScrollTo: act<{ scrollTop?: number }>('pageScrollTo', (o) => host.nav.scrollTo(o.scrollTop ?? 0)),
    startPullDownRefresh: act('startPullDownRefresh', () => host.nav.startPullDownRefresh()),
    stopPullDownRefresh: act('stopPullDownRefresh', () => host.nav.stopPullDownRefresh()),
    setNavigationBarTitle: act<{ title: string }>('setNavigationBarTitle', (o) => {
      const top = host.nav.top;
      if (top) top.title = o.title;
      host.chromeChanged();
    }),
    showShareMenu: act('showShareMenu', () => undefined),
    hideShareMenu: act('hideShareMenu', () => undefined),

    showToast: act<{ title: string; icon?: 'success' | 'error' | 'loading' | 'none'; duration?: number }>(
      'showToast',
      (o) => host.overlays.toast(o.title, o.icon, o.duration),
    ),
    hideToast: act('hideToast', () => host.overlays.hideToast()),
    showLoading: act<{ title: string }>('showLoading', (o) =>
      host.overlays.toast(o.title, 'loading', Number.POSITIVE_INFINITY),
    ),
    hideLoading: act('hideLoading', () => host.overlays.hideToast()),
    showModal: (options: ModalOptions & Callbacks<{ confirm: boolean; cancel: boolean }>) =>
      api('showModal', options, async () => {
        const confirm = await host.overlays.modal(options);
        return { confirm, cancel: !confirm };
      }),
    showActionSheet: (options: { itemList: string[] } & Callbacks<{ tapIndex: number }>) =>
      api('showActionSheet', options, async () => {
        const tapIndex = await host.overlays.actionSheet(options.itemList);
        if (tapIndex === null) throw new ApiError('cancel');
        return { tapIndex };
      }),
    saveImageToPhotosAlbum: act<{ filePath: string }>('saveImageToPhotosAlbum', (o) => {
      const link = document.createElement('a');
      link.href = o.filePath;
      link.download = o.filePath.split('/').pop() || 'image.png';
      link.click();
    }),
  };

  return {
    wx,
    enterOptions,
    launchOptions,
    networkChanged(online) {
      for (const fn of networkListeners) fn({ isConnected: online, networkType: online ? 'wifi' : 'none' });
    },
    themeChanged(dark) {
      for (const fn of themeListeners) fn({ theme: dark ? 'dark' : 'light' });
    },
  };
}
