import { readFileSync } from 'node:fs';
import path from 'node:path';
import { INTERNAL_MODULES } from '../../scripts/deploy/ci';
import { repoRoot } from './support';

/**
 * The deploy's calls into miniprogram-ci, checked against the installed version without a network: its public API,
 * and the internal module behind `ci.cloud.uploadFunction` that the deploy uses for what the public API cannot set.
 */
describe('miniprogram-ci as the deploy uses it', () => {
  const ci = require('miniprogram-ci') as typeof import('miniprogram-ci');

  test('is pinned: the internal calls are those of this version', () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.devDependencies['miniprogram-ci']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(require('miniprogram-ci/package.json').version).toBe(pkg.devDependencies['miniprogram-ci']);
  });

  test('has the public calls: Project, upload, preview, packNpmManually, cloud.uploadFunction, cloud.createTimeTrigger', () => {
    for (const fn of [
      ci.Project,
      ci.upload,
      ci.preview,
      ci.packNpmManually,
      ci.cloud.uploadFunction,
      ci.cloud.createTimeTrigger,
    ]) {
      expect(typeof fn).toBe('function');
    }
    // Nothing to call a function, set its variables or touch the database.
    expect(Object.keys(ci.cloud).sort()).toEqual([
      'createTimeTrigger',
      'uploadContainer',
      'uploadFunction',
      'uploadStaticStorage',
      'uploadStorage',
    ]);
  });

  test('has the internal calls the deploy makes, and uploadFunction makes them itself over the same transport', () => {
    const api = require(INTERNAL_MODULES.cloudApi);
    for (const name of ['tcbGetEnvironments', 'scfGetFunctionInfo', 'scfCreateFunction', 'scfUpdateFunctionInfo']) {
      expect(typeof api[name]).toBe('function');
    }
    expect(typeof api.TransactType.IDE).toBe('number');
    const transport = require(INTERNAL_MODULES.transport);
    for (const name of ['initCloudAPI', 'boundTransactRequest', 'get3rdCloudCodeSecret']) {
      expect(typeof transport[name]).toBe('function');
    }
    const zip = require(INTERNAL_MODULES.zip);
    expect([typeof zip.zipFile, typeof zip.zipToBuffer]).toEqual(['function', 'function']);

    const source = readFileSync(require.resolve('miniprogram-ci/dist/ci/cloud/uploadFunction.js'), 'utf8');
    for (const call of ['tcbGetEnvironments', 'scfGetFunctionInfo', 'scfCreateFunction', 'scfUpdateFunctionInfo']) {
      expect(source).toContain(`cloudAPI.${call}(`);
    }
    // Why the deploy makes missing functions itself: uploadFunction would make them Node 8.9, 3 s, no variables.
    expect(source).toMatch(/timeout:3,environment:\{variables:\[\]\},role:"TCB_QcsRole",runtime:"Nodejs8\.9"/);
  });

  test('createTimeTrigger answers a refusal with a sentence rather than an error, which the deploy reads', () => {
    const source = readFileSync(require.resolve('miniprogram-ci/dist/ci/cloud/createTimeTrigger.js'), 'utf8');
    expect(source).toContain('"创建定时触发器成功"');
    expect(source).toContain('"请检查传入的 triggersConfig 是否符合格式"');
  });
});
