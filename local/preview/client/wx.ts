/**
 * The preview's environment for the shared `wx` (local/simulate/wx.ts): the side panel's reader, network, entry
 * and appearance, the phone's frame, the local server for cloud calls, and the phone's page stack and overlays.
 */
import type { DomElement } from '../../simulate/selector-query';
import { createWx, type KeyValue, type Screen, WxFailure, type WxFake } from '../../simulate/wx';
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
  });
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
    screen: host.screen,
  });
  return { ...fake, enterOptions, launchOptions };
}
