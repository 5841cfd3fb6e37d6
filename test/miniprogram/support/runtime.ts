import type { WxStub } from './wx-stub';

/** The fake runtime's handle (see wx-stub.ts) and the jest mocks the app calls. */
export const wxStub = (globalThis as unknown as { wxStub: WxStub }).wxStub;
type Mocks = Record<string, jest.Mock> & { cloud: { callFunction: jest.Mock; init: jest.Mock } };
export const wxMock = (globalThis as unknown as { wx: Mocks }).wx;
