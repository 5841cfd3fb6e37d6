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

/** The options of wx.showModal the app uses. */
export interface ModalOptions {
  title?: string;
  content?: string;
  showCancel?: boolean;
  cancelText?: string;
  confirmText?: string;
}

/** The part of a canvas export the app asks for, in the canvas's own pixels (wx.canvasToTempFilePath). */
export interface CanvasExport {
  x: number;
  y: number;
  width: number;
  height: number;
  destWidth: number;
  destHeight: number;
  fileType: 'png' | 'jpg';
}

/** Temporary files, as WeChat makes them: a canvas exported, a file downloaded. Each resolves with its path. */
export interface TempFiles {
  fromCanvas(canvas: object, area: CanvasExport): Promise<string>;
  /** Rejects with a WxFailure when the file could not be fetched. */
  download(url: string): Promise<string>;
}

/**
 * The phone's photo album and the app's permission to save to it (scope.writePhotosAlbum): never asked (undefined),
 * allowed or refused.
 */
export interface Album {
  permission(): boolean | undefined;
  setPermission(allowed: boolean): void;
  /** WeChat asks the person the first time: resolves with their answer. */
  ask(): Promise<boolean>;
  save(filePath: string): void;
  /** WeChat's settings page for the app (wx.openSetting): resolves when the person leaves it. */
  openSetting(): Promise<void>;
  /** A refusal before WeChat's own permission, e.g. `system permission denied` (the phone refuses WeChat). */
  refusal?(): string | undefined;
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
  /** Without them, canvasToTempFilePath and downloadFile stay simulate's mocks. */
  files?: TempFiles;
  /** Without it, the album APIs stay simulate's mocks. */
  album?: Album;
  /** What the person taps in a wx.showModal; without it, simulate's mock (confirm). */
  modal?: (options: ModalOptions) => Promise<boolean>;
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

const ALBUM_SCOPE = 'scope.writePhotosAlbum';

/** saveImageToPhotosAlbum, getSetting, openSetting and authorize over the environment's album. */
function albumApis(album: Album): WxApi {
  const authSetting = () => {
    const allowed = album.permission();
    return allowed === undefined ? {} : { [ALBUM_SCOPE]: allowed };
  };
  /** As WeChat does: asks the first time, and refuses at once once refused (`auth deny`) until the settings say. */
  const allowed = async () => {
    const known = album.permission();
    if (known !== undefined) return known;
    const answer = await album.ask();
    album.setPermission(answer);
    return answer;
  };
  return {
    saveImageToPhotosAlbum: (options?: { filePath?: string } & Callbacks) =>
      api('saveImageToPhotosAlbum', options, async () => {
        const refused = album.refusal?.();
        if (refused) throw new WxFailure(refused);
        if (!(await allowed())) throw new WxFailure('auth deny');
        album.save(String(options?.filePath ?? ''));
        return {};
      }),
    authorize: (options?: { scope?: string } & Callbacks) =>
      api('authorize', options, async () => {
        if (options?.scope === ALBUM_SCOPE && !(await allowed())) throw new WxFailure('auth deny');
        return {};
      }),
    getSetting: (options?: Callbacks) => api('getSetting', options, () => ({ authSetting: authSetting() })),
    openSetting: (options?: Callbacks) =>
      api('openSetting', options, async () => {
        await album.openSetting();
        return { authSetting: authSetting() };
      }),
  };
}

/** canvasToTempFilePath and downloadFile over the environment's temporary files. */
function fileApis(files: TempFiles): WxApi {
  return {
    canvasToTempFilePath: (
      options?: { canvas?: { width?: number; height?: number } } & Partial<CanvasExport> & Callbacks,
    ) =>
      api('canvasToTempFilePath', options, async () => {
        const canvas = options?.canvas;
        if (!canvas) throw new WxFailure('canvas is required for a canvas 2d');
        const x = options.x ?? 0;
        const y = options.y ?? 0;
        const width = options.width ?? (canvas.width ?? 0) - x;
        const height = options.height ?? (canvas.height ?? 0) - y;
        const area: CanvasExport = {
          x,
          y,
          width,
          height,
          destWidth: options.destWidth ?? width,
          destHeight: options.destHeight ?? height,
          fileType: options.fileType === 'jpg' ? 'jpg' : 'png',
        };
        return { tempFilePath: await files.fromCanvas(canvas, area) };
      }),
    downloadFile: (options?: { url?: string } & Callbacks) =>
      api('downloadFile', options, async () => ({
        tempFilePath: await files.download(String(options?.url ?? '')),
        statusCode: 200,
      })),
  };
}

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
    ...(env.album && albumApis(env.album)),
    ...(env.files && fileApis(env.files)),
    ...(env.modal && {
      showModal: (options?: ModalOptions & Callbacks) =>
        api('showModal', options, async () => {
          const confirm = await (env.modal as NonNullable<WxEnvironment['modal']>)(options ?? {});
          return { confirm, cancel: !confirm };
        }),
    }),
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
