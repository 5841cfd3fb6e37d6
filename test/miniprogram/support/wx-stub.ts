/**
 * The fake mini-program runtime every app test starts from: local/simulate/wx.ts over a state tests set —
 * storage in a Map, entry options, system facts, the network, the cloud call — with every API a jest.fn tests can
 * inspect. `wxStub` is the handle tests use; `wx` is what the app sees.
 */
import { createWx, type WxApi, WxFailure } from '../../../local/simulate/wx';

type Handler = (request: { name: string; data: unknown }) => Promise<unknown>;

export interface WxStub {
  storage: Map<string, unknown>;
  enter: Record<string, unknown>;
  baseInfo: Record<string, unknown>;
  networkType: string;
  cloud: Handler;
  /**
   * The canvas 2d node a selector query answers for a `<canvas>`: none by default, as in miniprogram-simulate;
   * a test that checks what a chart draws sets a recording one (support/canvas.ts).
   */
  canvas: ((element: unknown) => object | null) | null;
  /** What the app last put on the clipboard. */
  clipboard(): string;
  /**
   * The photo album: `permission` is scope.writePhotosAlbum (undefined: never asked; false: refused, so saving fails
   * with `saveImageToPhotosAlbum:fail auth deny`), `answer` what the person says when WeChat asks, `inSettings` what
   * they switch it to on the settings page (wx.openSetting; undefined: they change nothing), `saved` what was saved.
   */
  album: {
    permission: boolean | undefined;
    answer: boolean;
    inSettings: boolean | undefined;
    saved: string[];
    /** Set: every save fails with this before WeChat's permission is looked at (`system permission denied`). */
    refusal?: string;
  };
  /** Temporary files the app made or fetched, by path: canvas exports (with their size) and downloads. */
  files: Map<string, TempFile>;
  /** Downloads fail (`downloadFile:fail …`), as with no network or a domain not allowed. */
  downloadFails: boolean;
  /** What the person taps in each wx.showModal, in order: true 确定, false 取消; 确定 when none is left. */
  modalAnswers: boolean[];
  /** The phone switches to the light or dark scheme: baseInfo's theme, and onThemeChange's listeners told. */
  setTheme(theme: 'light' | 'dark'): void;
  /** The phone loses or gets back its network: networkType, and onNetworkStatusChange's listeners told. */
  setOnline(online: boolean): void;
  reset(): void;
}

export type TempFile =
  | { kind: 'canvas'; canvas: object; width: number; height: number; fileType: string }
  | { kind: 'download'; url: string };

const noCloud: Handler = () => Promise.reject({ errCode: -1, errMsg: 'cloud.callFunction:fail no handler in test' });
const initial = () => ({
  enter: { scene: 1001, query: {} },
  baseInfo: { theme: 'light', fontSizeSetting: 17, fontSizeScaleFactor: 1 },
  networkType: 'wifi',
  cloud: noCloud,
  canvas: null,
  album: { permission: undefined, answer: true, inSettings: undefined, saved: [] },
  downloadFails: false,
  modalAnswers: [],
});

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

const state: WxStub = {
  storage: new Map(),
  files: new Map(),
  ...initial(),
  clipboard: () => fake.clipboard(),
  setTheme(theme) {
    state.baseInfo = { ...state.baseInfo, theme };
    fake.themeChanged(theme);
  },
  setOnline(online) {
    state.networkType = online ? 'wifi' : 'none';
    fake.networkChanged(online);
  },
  reset() {
    state.storage.clear();
    state.files.clear();
    Object.assign(state, initial());
    for (const fn of [...Object.values(wx), ...Object.values(wx.cloud as WxApi)]) {
      if (jest.isMockFunction(fn)) fn.mockClear();
    }
  },
};

const fake = createWx({
  base: require('miniprogram-simulate/src/api'),
  wrap: (fn) => jest.fn(fn),
  storage: state.storage,
  enterOptions: () => clone(state.enter),
  launchOptions: () => clone(state.enter),
  appBaseInfo: () => ({ SDKVersion: '3.17.0', ...state.baseInfo }),
  deviceInfo: () => ({ platform: 'devtools', system: 'iOS 17', brand: 'devtools', model: 'iPhone' }),
  windowInfo: () => ({ windowHeight: 700, windowWidth: 375, pixelRatio: 2 }),
  networkType: () => state.networkType,
  callFunction: async (request) => clone(await state.cloud({ name: request.name, data: request.data })),
  canvasNode: (element) => state.canvas?.(element) ?? null,
  files: {
    fromCanvas: async (canvas, area) => {
      const path = `wxfile://tmp/canvas-${state.files.size + 1}.${area.fileType}`;
      state.files.set(path, {
        kind: 'canvas',
        canvas,
        width: area.destWidth,
        height: area.destHeight,
        fileType: area.fileType,
      });
      return path;
    },
    download: async (url) => {
      if (state.downloadFails) throw new WxFailure('request:fail');
      const path = `wxfile://tmp/download-${state.files.size + 1}.png`;
      state.files.set(path, { kind: 'download', url });
      return path;
    },
  },
  album: {
    permission: () => state.album.permission,
    setPermission: (allowed) => {
      state.album.permission = allowed;
    },
    ask: async () => state.album.answer,
    save: (filePath) => void state.album.saved.push(filePath),
    refusal: () => state.album.refusal,
    openSetting: async () => {
      if (state.album.inSettings !== undefined) state.album.permission = state.album.inSettings;
    },
  },
  modal: async () => state.modalAnswers.shift() ?? true,
});
const { wx } = fake;

const globals = globalThis as unknown as Record<string, unknown>;
// jsdom leaves TextEncoder out; the handlers' local stand-in QR codes (the qrcode package) need it.
globals.TextEncoder ??= require('node:util').TextEncoder;
globals.wx = wx;
globals.wxStub = state;
globals.getApp = () => ({});
globals.getCurrentPages = () => [];
