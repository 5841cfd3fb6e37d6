/**
 * What `jest.mock('wx-server-sdk', ...)` returns in tests of the cloud entries. The real SDK must never run in
 * tests without a local endpoint (./cloudbase-endpoint): with no cloud environment it raises unhandled rejections
 * that kill Node.
 */
export const wxServerSdkMock = (database: unknown, context: () => Record<string, string | undefined>) => ({
  __esModule: true,
  default: {
    DYNAMIC_CURRENT_ENV: Symbol('current env'),
    init: jest.fn(),
    database: () => database,
    getWXContext: context,
  },
});
