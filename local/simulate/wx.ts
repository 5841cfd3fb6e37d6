/**
 * The `wx` the app runs against outside WeChat, in the page tests (jest) and in the browser preview alike:
 * miniprogram-simulate's own mock `wx`, with what the app and its TDesign components use made real over the
 * environment's state — storage, entry options, system facts, the network, the cloud call — and, where there is a
 * screen (the preview), navigation, scrolling and toasts. Async APIs call their callbacks, or return a promise.
 */
import { type CanvasNodeOf, SelectorQuery } from './selector-query';

type Fn = (...args: never[]) => unknown;
export type WxApi = Record<string, unknown>;

interface Callbacks {
  success?: (res: unknown) => void;
  fail?: (err: unknown) => void;
  complete?: (res: unknown) => void;
}

/** Thrown by an environment: the API fails with `<api>:fail <message>`, as WeChat's do. */
export class WxFailure extends Error {}

/** Where storage lives: a Map in the tests, the reader's part of localStorage in the preview. */
export interface KeyValue {
  get(key: string): unknown;
  set(key: string, value: unknown): unknown;
  delete(key: string): unknown;
  keys(): Iterable<string>;
}

export type ToastIcon = 'success' | 'error' | 'loading' | 'none';

/** The preview's phone. Without one (the tests) these APIs stay simulate's mocks. */
export interface Screen {
  pages: {
    navigateTo(url: string): void;
    redirectTo(url: string): void;
    reLaunch(url: string): void;
    navigateBack(delta: number): void;
    scrollTo(scrollTop: number): void;
    stopPullDownRefresh(): void;
  };
  overlays: { toast(title: string, icon?: ToastIcon, duration?: number): void; hideToast(): void };
}

export interface WxEnvironment {
  /** simulate's mock `wx`: every API not made real here stays one of its mocks. */
  base: WxApi;
  /** Each API as the app gets it: a `jest.fn` in the tests, so that they can inspect the calls. */
  wrap?: (fn: Fn) => Fn;
  storage: KeyValue;
  enterOptions(): object;
  launchOptions(): object;
  /** Each laid over simulate's answer. */
  appBaseInfo(): object;
  windowInfo(): object;
  deviceInfo(): object;
  networkType(): string;
  /** Resolves with what the function returned; a rejection is what callFunction fails with. */
  callFunction(request: { name: string; data?: unknown }): Promise<unknown>;
  /**
   * The `node` a selector query's `fields({ node: true })` answers for a matched element: a canvas 2d node. Without
   * it (as in miniprogram-simulate) there is none, and `node` is null.
   */
  canvasNode?: CanvasNodeOf;
  screen?: Screen;
}

export interface WxFake {
  wx: WxApi;
  /** Tells onNetworkStatusChange listeners. */
  networkChanged(online: boolean): void;
  /** Tells onThemeChange listeners (the phone switched between light and dark). */
  themeChanged(theme: 'light' | 'dark'): void;
  /** What the app last put on the clipboard. */
  clipboard(): string;
}

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

function api<T extends object>(name: string, options: Callbacks | undefined, run: () => T | Promise<T>) {
  const done = Promise.resolve()
    .then(run)
    .then(
      (res) => ({ ...res, errMsg: `${name}:ok` }),
      (error: unknown) => {
        throw error instanceof WxFailure ? { errMsg: `${name}:fail ${error.message}` } : error;
      },
    );
  if (!options?.success && !options?.fail && !options?.complete) return done;
  done.then(
    (res) => {
      options.success?.(res);
      options.complete?.(res);
    },
    (err: unknown) => {
      options.fail?.(err);
      options.complete?.(err);
    },
  );
  return undefined;
}

/** An API that does something and answers `<name>:ok`. */
const act =
  <O extends object>(name: string, run: (options: O) => void) =>
  (options?: O & Callbacks) =>
    api(name, options, () => {
      run(options ?? ({} as O));
      return {};
    });

const screenApis = ({ pages, overlays }: Screen): WxApi => ({
  navigateTo: act<{ url: string }>('navigateTo', (o) => pages.navigateTo(o.url)),
  redirectTo: act<{ url: string }>('redirectTo', (o) => pages.redirectTo(o.url)),
  reLaunch: act<{ url: string }>('reLaunch', (o) => pages.reLaunch(o.url)),
  navigateBack: act<{ delta?: number }>('navigateBack', (o) => pages.navigateBack(o.delta ?? 1)),
  pageScrollTo: act<{ scrollTop?: number }>('pageScrollTo', (o) => pages.scrollTo(o.scrollTop ?? 0)),
  stopPullDownRefresh: act('stopPullDownRefresh', () => pages.stopPullDownRefresh()),
  showToast: act<{ title: string; icon?: ToastIcon; duration?: number }>('showToast', (o) =>
    overlays.toast(o.title, o.icon, o.duration),
  ),
  hideToast: act('hideToast', () => overlays.hideToast()),
});

export function createWx(env: WxEnvironment): WxFake {
  const { base, storage } = env;
  const wrap = env.wrap ?? ((fn: Fn) => fn);
  const listeners = new Set<(res: { isConnected: boolean; networkType: string }) => void>();
  const themeListeners = new Set<(res: { theme: 'light' | 'dark' }) => void>();
  let clipboard = '';
  const over = (name: string, extra: object) => ({ ...(base[name] as () => object)(), ...extra });
  const appBaseInfo = () => over('getAppBaseInfo', env.appBaseInfo());
  const windowInfo = () => over('getWindowInfo', env.windowInfo());
  const deviceInfo = () => over('getDeviceInfo', env.deviceInfo());
  let requests = 0;

  const own: WxApi = {
    getStorageSync: (key: string) => {
      const value = storage.get(key);
      return value === undefined ? '' : clone(value);
    },
    setStorageSync: (key: string, value: unknown) => void storage.set(key, clone(value)),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorageInfoSync: () => {
      const keys = [...storage.keys()];
      const size = JSON.stringify(keys.map((key) => [key, storage.get(key)])).length;
      return { keys, currentSize: Math.ceil(size / 1024), limitSize: 10240 };
    },
    getEnterOptionsSync: () => env.enterOptions(),
    getLaunchOptionsSync: () => env.launchOptions(),
    getAppBaseInfo: appBaseInfo,
    getWindowInfo: windowInfo,
    getDeviceInfo: deviceInfo,
    getSystemInfoSync: () => over('getSystemInfoSync', { ...deviceInfo(), ...windowInfo(), ...appBaseInfo() }),
    getNetworkType: (options?: Callbacks) => api('getNetworkType', options, () => ({ networkType: env.networkType() })),
    onNetworkStatusChange: (fn: (res: { isConnected: boolean; networkType: string }) => void) => void listeners.add(fn),
    offNetworkStatusChange: (fn: (res: { isConnected: boolean; networkType: string }) => void) =>
      void listeners.delete(fn),
    onThemeChange: (fn: (res: { theme: 'light' | 'dark' }) => void) => void themeListeners.add(fn),
    offThemeChange: (fn: (res: { theme: 'light' | 'dark' }) => void) => void themeListeners.delete(fn),
    createSelectorQuery: () => new SelectorQuery(env.canvasNode),
    // WeChat itself says 内容已复制 when the data is on the clipboard.
    setClipboardData: (options?: { data?: string } & Callbacks) =>
      api('setClipboardData', options, () => {
        clipboard = String(options?.data ?? '');
        env.screen?.overlays.toast('内容已复制', 'none');
        return {};
      }),
    getClipboardData: (options?: Callbacks) => api('getClipboardData', options, () => ({ data: clipboard })),
    ...(env.screen && screenApis(env.screen)),
  };

  const wx: WxApi = {};
  for (const [name, value] of Object.entries({ ...base, ...own })) {
    wx[name] = typeof value === 'function' ? wrap(value as Fn) : value;
  }
  const callFunction = (options: { name: string; data?: unknown } & Callbacks) =>
    api('cloud.callFunction', options, async () => ({
      result: await env.callFunction({ name: options.name, data: options.data }),
      requestID: `local-${++requests}`,
    }));
  wx.cloud = { init: wrap(() => undefined), callFunction: wrap(callFunction as Fn) };

  return {
    wx,
    networkChanged(online) {
      for (const fn of listeners) fn({ isConnected: online, networkType: online ? 'wifi' : 'none' });
    },
    themeChanged(theme) {
      for (const fn of themeListeners) fn({ theme });
    },
    clipboard: () => clipboard,
  };
}
