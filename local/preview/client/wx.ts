/**
 * The preview's environment for the shared `wx` (local/simulate/wx.ts): the side panel's reader, network, entry
 * and appearance, the phone's frame, the local server for cloud calls, and the phone's page stack and overlays.
 */
import type { DomElement } from '../../simulate/selector-query';
import {
  type Album,
  type CanvasExport,
  createWx,
  type KeyValue,
  type ModalOptions,
  type Screen,
  type TempFiles,
  WxFailure,
  type WxFake,
} from '../../simulate/wx';
import type { CallLog } from './calls';
import { FRAME, WINDOW_HEIGHT } from './frame';
import { type Entry, FONT_SIZES, IDENTITIES, isSinglePage, type PreviewState } from './state';

export interface WxHost {
  state(): PreviewState;
  /** The entry the mini-program was cold-started with. */
  launch: Entry;
  homeRoute: string;
  libVersion: string;
  calls: CallLog;
  screen: Screen;
  /** wx.showModal, and WeChat's own questions (the album permission), over the phone screen. */
  modal(options: ModalOptions): Promise<boolean>;
}

/** The strip at the bottom of a notched iPhone that pages should keep clear of. */
const HOME_INDICATOR = 34;

/** The identity's storage: WeChat keeps each user's storage apart, so the preview prefixes keys with the reader. */
function storage(host: WxHost): KeyValue {
  const prefix = () => `wx.${host.state().identity}.`;
  return {
    get: (key) => {
      const raw = localStorage.getItem(prefix() + key);
      return raw === null ? undefined : (JSON.parse(raw) as { v?: unknown }).v;
    },
    set: (key, value) => localStorage.setItem(prefix() + key, JSON.stringify({ v: value })),
    delete: (key) => localStorage.removeItem(prefix() + key),
    keys: () =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith(prefix()))
        .map((k) => k.slice(prefix().length)),
  };
}

/** `wx.cloud.callFunction` → `POST /api/<name>` on the local server, as the chosen reader. */
async function callFunction(host: WxHost, name: string, data: unknown): Promise<unknown> {
  const { identity, online, entry } = host.state();
  const openid = isSinglePage(entry) ? null : IDENTITIES[identity].openid;
  const record = host.calls.start(`${IDENTITIES[identity].label}${openid ? '' : '（无 openid）'}`, name, data);
  if (!online) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    host.calls.finish(record, 'offline');
    throw new WxFailure('request:fail');
  }
  let response: Response;
  try {
    response = await fetch(`/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid && { 'x-openid': openid }) },
      body: JSON.stringify(data ?? {}),
    });
  } catch {
    host.calls.finish(record, 'offline');
    throw new WxFailure('request:fail');
  }
  const result: unknown = await response.json().catch(() => undefined);
  if (result === undefined) {
    host.calls.finish(record, 'failed');
    throw new WxFailure(`-1 | errMsg: the local server answered ${response.status} without JSON`);
  }
  host.calls.finish(record, 'ok', result);
  if (response.status === 404 && String((result as { message?: string }).message).includes('云函数')) {
    throw new WxFailure('-501000 | errMsg: FunctionName parameter could not be found');
  }
  return result;
}

/**
 * A canvas 2d node as WeChat gives it (`width`/`height` are its backing store, `getContext('2d')`), for the real
 * `<canvas>` the preview puts inside `<wx-canvas>`: the element itself, with the node's own animation frame.
 */
function canvasNode(element: DomElement): object | null {
  const canvas = (element as Element).querySelector(':scope > canvas');
  if (!(canvas instanceof HTMLCanvasElement)) return null;
  return Object.assign(canvas, {
    requestAnimationFrame: (fn: FrameRequestCallback) => window.requestAnimationFrame(fn),
    cancelAnimationFrame: (id: number) => window.cancelAnimationFrame(id),
    // An image to draw (a temporary file, a code downloaded): the browser's own.
    createImage: () => new Image(),
  });
}

/**
 * Temporary files as blob: URLs, which `<image>`, the canvas and the album all take: a canvas exported (the area
 * asked for, at its destination size), a file downloaded from the local server.
 */
const tempFiles: TempFiles = {
  async fromCanvas(canvas: object, area: CanvasExport): Promise<string> {
    if (!(canvas instanceof HTMLCanvasElement)) throw new WxFailure('canvas is not a canvas 2d node');
    const out = document.createElement('canvas');
    out.width = area.destWidth;
    out.height = area.destHeight;
    const ctx = out.getContext('2d');
    if (!ctx) throw new WxFailure('no 2d context');
    ctx.drawImage(canvas, area.x, area.y, area.width, area.height, 0, 0, area.destWidth, area.destHeight);
    const type = area.fileType === 'jpg' ? 'image/jpeg' : 'image/png';
    const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, type));
    if (!blob) throw new WxFailure('the canvas could not be exported');
    return URL.createObjectURL(blob);
  },
  async download(url: string): Promise<string> {
    const response = await fetch(url).catch(() => null);
    if (!response?.ok) throw new WxFailure('downloadFile:fail');
    return URL.createObjectURL(await response.blob());
  },
};

/** What was saved to the album since the last start (the preview's 相册), for the panel and the e2e tests. */
export const albumSaved: string[] = [];

/**
 * The phone's album: the permission is kept per identity across restarts (as WeChat keeps it), asked the first time
 * in WeChat's words; 设置 is a question whether to allow it.
 */
function album(host: WxHost): Album {
  const key = () => `album.${host.state().identity}`;
  const permission = () => {
    const raw = localStorage.getItem(key());
    return raw === null ? undefined : raw === 'true';
  };
  const setPermission = (allowed: boolean) => localStorage.setItem(key(), String(allowed));
  return {
    permission,
    setPermission,
    ask: () =>
      host.modal({
        title: '“发言摘登”申请',
        content: '保存图片或视频到你的相册',
        cancelText: '拒绝',
        confirmText: '允许',
      }),
    save: (filePath) => {
      albumSaved.push(filePath);
      host.screen.overlays.toast('已保存到相册（预览）', 'none');
    },
    openSetting: async () => {
      const allowed = await host.modal({
        title: '设置',
        content: '允许“发言摘登”使用“添加到相册”？',
        cancelText: permission() ? '不允许' : '仍不允许',
        confirmText: '允许',
      });
      setPermission(allowed);
    },
  };
}

const enterOptionsOf = (entry: Entry, homeRoute: string) => ({
  scene: entry.scene,
  path: entry.path || homeRoute,
  query: { ...entry.query },
  referrerInfo: {},
  ...(entry.chatType !== undefined && { chatType: entry.chatType }),
  apiCategory: entry.apiCategory ?? 'default',
});

export type EnterOptions = ReturnType<typeof enterOptionsOf>;

/** `base` is simulate's mock `wx`, which its browser build installs as `window.wx`. */
export function createPreviewWx(
  base: Record<string, unknown>,
  host: WxHost,
): WxFake & { enterOptions(): EnterOptions; launchOptions(): EnterOptions } {
  const enterOptions = () => enterOptionsOf(host.state().entry, host.homeRoute);
  const launchOptions = () => enterOptionsOf(host.launch, host.homeRoute);
  const fake = createWx({
    base,
    storage: storage(host),
    enterOptions,
    launchOptions,
    appBaseInfo: () => {
      const font = FONT_SIZES[host.state().fontSize];
      return {
        // TDesign decides by SDKVersion whether components get virtual hosts (2.19.2 and later).
        SDKVersion: host.libVersion,
        version: '8.0.50',
        theme: host.state().dark ? 'dark' : 'light',
        fontSizeSetting: font.fontSizeSetting,
        fontSizeScaleFactor: font.fontSizeScaleFactor,
      };
    },
    windowInfo: () => ({
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
    }),
    deviceInfo: () => ({
      platform: 'ios',
      system: 'iOS 17.5',
      brand: 'preview',
      model: 'iPhone（预览）',
      pixelRatio: window.devicePixelRatio,
    }),
    networkType: () => (host.state().online ? 'wifi' : 'none'),
    callFunction: (request) => callFunction(host, request.name, request.data),
    canvasNode,
    files: tempFiles,
    album: album(host),
    modal: (options) => host.modal(options),
    screen: host.screen,
  });
  return { ...fake, enterOptions, launchOptions };
}
