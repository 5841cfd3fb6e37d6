import type { WxStub } from './wx-stub';

/** The fake runtime's handle (see wx-stub.ts) and the jest mocks the app calls. */
export const wxStub = (globalThis as unknown as { wxStub: WxStub }).wxStub;
type Mocks = { [name: string]: jest.Mock } & {
  pageScrollTo: jest.Mock;
  navigateTo: jest.Mock;
  redirectTo: jest.Mock;
} & {
  cloud: { callFunction: jest.Mock; init: jest.Mock };
};
export const wxMock = (globalThis as unknown as { wx: Mocks }).wx;
