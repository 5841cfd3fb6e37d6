/** @type {import('jest').Config} */
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];

module.exports = {
  projects: [
    {
      displayName: 'backend',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/miniprogram/'],
      transform: { '^.+\\.ts$': tsJest },
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/miniprogram'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'test/miniprogram/tsconfig.json' }] },
    },
  ],
};
