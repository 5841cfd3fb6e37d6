/** @type {import('jest').Config} */
const tsJest = (tsconfig) => ['ts-jest', { tsconfig }];

module.exports = {
  // App tests boot a fresh app with real TDesign components per test: seconds, not milliseconds, on a busy core.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'backend',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/miniprogram/'],
      transform: { '^.+\\.ts$': tsJest('tsconfig.json') },
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/miniprogram'],
      setupFiles: ['<rootDir>/test/miniprogram/support/wx-stub.ts'],
      // The staff subpackage's uCharts is build output (scripts/build/vendor.ts): tests read the package itself.
      moduleNameMapper: { '(^|/)vendor/u-charts$': '<rootDir>/node_modules/@qiun/ucharts/u-charts.js' },
      transform: {
        '^.+\\.ts$': tsJest('test/miniprogram/tsconfig.json'),
        // TDesign and uCharts ship ES modules; DevTools compiles them (or the build converts them), jest needs CommonJS.
        '^.+/(tdesign-miniprogram|@qiun/ucharts)/.+\\.js$': tsJest({
          allowJs: true,
          isolatedModules: true,
          module: 'commonjs',
          target: 'es2019',
          esModuleInterop: true,
        }),
      },
      transformIgnorePatterns: ['/node_modules/(?!tdesign-miniprogram/|@qiun/ucharts/)'],
    },
  ],
};
