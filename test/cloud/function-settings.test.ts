import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLOUD_REQUEST_TIMEOUT_MS, FUNCTION_TIMEOUT_S } from '../../backend/cloud/limits';
import { functions } from '../../backend/functions';
import { RECORDING_DEADLINE_MS } from '../../backend/track/record';

const root = join(__dirname, '../../cloudfunctions');
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const json = (name: string, file: string) => JSON.parse(readFileSync(join(root, name, file), 'utf8'));
const sdkVersion = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).devDependencies[
  'wx-server-sdk'
];

describe('the cloud functions as deployed', () => {
  test('are exactly the functions the backend serves', () => {
    expect(folders).toEqual(Object.keys(functions).sort());
    expect(Object.keys(FUNCTION_TIMEOUT_S).sort()).toEqual(folders);
  });

  test.each(folders)('%s pins wx-server-sdk to the version the tests run against', (name) => {
    expect(json(name, 'package.json').dependencies).toEqual({ 'wx-server-sdk': sdkVersion });
    expect(sdkVersion).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test.each(folders)('%s has the timeout limits.ts states, well over one stalled request', (name) => {
    const timeout = json(name, 'config.json').timeout;
    expect(timeout).toBe(FUNCTION_TIMEOUT_S[name as keyof typeof FUNCTION_TIMEOUT_S]);
    expect(timeout * 1000).toBeGreaterThanOrEqual(3 * CLOUD_REQUEST_TIMEOUT_MS);
  });

  test('only admin asks for a WeChat open API: wxacode.getUnlimited, for the codes it makes', () => {
    const openapi = Object.fromEntries(folders.map((name) => [name, json(name, 'config.json').permissions.openapi]));
    expect(openapi).toEqual({ admin: ['wxacode.getUnlimited'], content: [], stats: [], track: [] });
  });

  test('article.get gives up on recording before its database requests could use up the content function', () => {
    expect(RECORDING_DEADLINE_MS).toBeLessThan(CLOUD_REQUEST_TIMEOUT_MS);
    expect(CLOUD_REQUEST_TIMEOUT_MS + RECORDING_DEADLINE_MS).toBeLessThan(FUNCTION_TIMEOUT_S.content * 1000);
  });

  test.each(folders)('%s sets the request timeout when it initialises the SDK', (name) => {
    const entry = readFileSync(join(root, name, 'src/index.ts'), 'utf8');
    expect(entry).toMatch(/cloud\.init\(\{ env: cloud\.DYNAMIC_CURRENT_ENV, timeout: CLOUD_REQUEST_TIMEOUT_MS \}\)/);
  });
});
