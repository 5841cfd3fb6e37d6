/**
 * `npm run bench`: measurements, not unit tests. Each bench prints a table of medians and checks
 * the budgets of the issues it serves; timings are compared as ratios to a baseline in the same run.
 */
const path = require('node:path');
const base = require('../../jest.config.js');

const rootDir = path.join(__dirname, '../..');

const withBench = (project) => ({
  ...project,
  rootDir,
  roots: ['<rootDir>/scripts/bench'],
  testMatch: ['**/*.bench.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
});

module.exports = {
  rootDir,
  testTimeout: 120_000,
  projects: base.projects
    .map(withBench)
    .map((project) =>
      project.displayName === 'miniprogram'
        ? { ...project, testMatch: ['**/app-*.bench.ts'] }
        : { ...project, testMatch: ['**/backend-*.bench.ts'] },
    ),
};
