/**
 * The bench's page figures (figure 4): pages in miniprogram-simulate need the miniprogram project's jsdom, stub and
 * transforms. Run by scripts/bench.ts (npm run bench), which reads the figures they write (parts.ts).
 */
const path = require('node:path');
const base = require('../../jest.config.js');

const rootDir = path.join(__dirname, '../..');
const miniprogram = base.projects.find((p) => p.displayName === 'miniprogram');

module.exports = {
  rootDir,
  testTimeout: 120_000,
  projects: [
    {
      ...miniprogram,
      rootDir,
      roots: ['<rootDir>/scripts/bench'],
      testMatch: ['**/app-*.bench.ts'],
      testPathIgnorePatterns: ['/node_modules/'],
    },
  ],
};
