/**
 * The fake mini-program runtime every app test starts from: local/simulate/wx.ts over a state tests set —
 * storage in a Map, entry options, system facts, the network, the cloud call — with every API a jest.fn tests can
 * inspect. `wxStub` is the handle tests use; `wx` is what the app sees.
 */
import { createWx, type WxApi } from '../../../local/simulate/wx';

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
  /** The phone switches to the light or dark scheme: baseInfo's theme, and onThemeChange's listeners told. */
  setTheme(theme: 'light' | 'dark'): void;
  reset(): void;
}

const noCloud: Handler = () => Promise.reject({ errCode: -1, errMsg: 'cloud.callFunction:fail no handler in test' });
const initial = () => ({
  enter: { scene: 1001, query: {} },
  baseInfo: { theme: 'light', fontSizeSetting: 17, fontSizeScaleFactor: 1 },
  networkType: 'wifi',
  cloud: noCloud,
  canvas: null,
});

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

const state: WxStub = {
  storage: new Map(),
  ...initial(),
  clipboard: () => fake.clipboard(),
  setTheme(theme) {
    state.baseInfo = { ...state.baseInfo, theme };
    fake.themeChanged(theme);
  },
  reset() {
    state.storage.clear();
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
});
const { wx } = fake;

const globals = globalThis as unknown as Record<string, unknown>;
globals.wx = wx;
globals.wxStub = state;
globals.getApp = () => ({});
globals.getCurrentPages = () => [];
