/**
 * The fake mini-program runtime every app test starts from (as TDesign's test setup does): storage in
 * a Map, entry options, system facts, navigation and the cloud call, each a jest.fn tests can inspect
 * or override. `wxStub` is the handle tests use; `wx` is what the app sees.
 */
type Handler = (request: { name: string; data: unknown }) => Promise<unknown>;

export interface WxStub {
  storage: Map<string, unknown>;
  enter: Record<string, unknown>;
  baseInfo: Record<string, unknown>;
  networkType: string;
  cloud: Handler;
  reset(): void;
}

const state: WxStub = {
  storage: new Map(),
  enter: { scene: 1001, query: {} },
  baseInfo: { theme: 'light', fontSizeSetting: 17, fontSizeScaleFactor: 1 },
  networkType: 'wifi',
  cloud: () => Promise.reject({ errCode: -1, errMsg: 'cloud.callFunction:fail no handler in test' }),
  reset() {
    state.storage.clear();
    state.enter = { scene: 1001, query: {} };
    state.baseInfo = { theme: 'light', fontSizeSetting: 17, fontSizeScaleFactor: 1 };
    state.networkType = 'wifi';
    state.cloud = () => Promise.reject({ errCode: -1, errMsg: 'cloud.callFunction:fail no handler in test' });
  },
};

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

const wxFake = {
  getStorageSync: jest.fn((key: string) => (state.storage.has(key) ? clone(state.storage.get(key)) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    state.storage.set(key, clone(value));
  }),
  removeStorageSync: jest.fn((key: string) => {
    state.storage.delete(key);
  }),
  getStorageInfoSync: jest.fn(() => ({ keys: [...state.storage.keys()], currentSize: 0, limitSize: 10240 })),
  getEnterOptionsSync: jest.fn(() => clone(state.enter)),
  getLaunchOptionsSync: jest.fn(() => clone(state.enter)),
  getAppBaseInfo: jest.fn(() => ({ SDKVersion: '3.17.0', ...state.baseInfo })),
  getDeviceInfo: jest.fn(() => ({ platform: 'devtools', system: 'iOS 17', brand: 'devtools', model: 'iPhone' })),
  getWindowInfo: jest.fn(() => ({ windowHeight: 700, windowWidth: 375, pixelRatio: 2 })),
  getSystemInfoSync: jest.fn(() => ({
    SDKVersion: '3.17.0',
    windowHeight: 700,
    windowWidth: 375,
    pixelRatio: 2,
    platform: 'devtools',
  })),
  getNetworkType: jest.fn((options: { success?: (res: { networkType: string }) => void }) => {
    options.success?.({ networkType: state.networkType });
  }),
  nextTick: jest.fn((fn: () => void) => setTimeout(fn, 0)),
  navigateTo: jest.fn(),
  redirectTo: jest.fn(),
  navigateBack: jest.fn(),
  pageScrollTo: jest.fn(),
  showShareMenu: jest.fn(),
  stopPullDownRefresh: jest.fn(),
  showToast: jest.fn(),
  cloud: {
    init: jest.fn(),
    callFunction: jest.fn(async (request: { name: string; data: unknown }) => ({
      result: clone(await state.cloud(request)),
      errMsg: 'cloud.callFunction:ok',
    })),
  },
};

const resetState = state.reset;
state.reset = () => {
  resetState();
  for (const fn of [...Object.values(wxFake), ...Object.values(wxFake.cloud)]) {
    if (jest.isMockFunction(fn)) fn.mockClear();
  }
};

const globals = globalThis as unknown as Record<string, unknown>;
globals.wx = wxFake;
globals.wxStub = state;
globals.getApp = () => ({});
globals.getCurrentPages = () => [];
