import { setupDatabase } from '../../backend/admin/setup';
import { loadCatalog } from '../../backend/content/catalog';
import { syncInstallments } from '../../backend/content/sync';
import { createCloudBaseStores } from '../../backend/storage/cloudbase';
import { COLLECTIONS } from '../../backend/storage/cloudbase/indexes';
import type { SetupReport } from '../../typings/contract';
import {
  ACTIONS,
  applyEnv,
  type CloudBaseEndpoint,
  setWXContext,
  startCloudBaseEndpoint,
} from '../support/cloudbase-endpoint';

type Main = (event: unknown) => Promise<unknown>;

/** The admin entry as deployed, in a registry of its own (a fresh default SDK instance) pointed at the endpoint. */
function loadAdmin(endpoint: CloudBaseEndpoint): { main: Main; restore: () => void } {
  const restore = applyEnv({ ...endpoint.functionEnv(), READER_HASH_SECRET: 'a-test-secret-of-enough-length' });
  let main: Main | undefined;
  jest.isolateModules(() => {
    main = (require('../../cloudfunctions/admin/src/index') as { main: Main }).main;
  });
  if (main === undefined) throw new Error('the admin entry did not load');
  return { main, restore };
}

const TIMER = { Type: 'Timer', TriggerName: 'setupDb202612011435', Time: '2026-12-01T06:35:00Z' };

describe('the database setup of a new CloudBase environment (no collections yet; real SDK, local endpoint)', () => {
  let endpoint: CloudBaseEndpoint;
  beforeAll(async () => {
    endpoint = await startCloudBaseEndpoint({ collections: [] });
  });
  afterAll(() => endpoint.close());
  beforeEach(() => endpoint.reset());

  test('makes the collections the content function cannot write without, publishes the installment; again, only reads', async () => {
    const stores = createCloudBaseStores(endpoint.database());
    await expect(syncInstallments(stores, loadCatalog())).rejects.toMatchObject({ errCode: -502005 });

    const first = await setupDatabase(stores, loadCatalog());
    expect(first).toEqual({
      collections: { created: [...COLLECTIONS], existing: [] },
      installments: { published: ['esd-01'], unchanged: [] },
      staff: { marked: 0 },
    });
    expect((await stores.content.listInstallments()).map((i) => i.id)).toEqual(['esd-01']);

    endpoint.requests.clear();
    const second = await setupDatabase(stores, loadCatalog());
    expect(second).toEqual({
      collections: { created: [], existing: [...COLLECTIONS] },
      installments: { published: [], unchanged: ['esd-01'] },
      staff: { marked: 0 },
    });
    // One probe per collection, the installments' revisions and the staff list: nothing written.
    expect(endpoint.requests.byAction()).toEqual({ [ACTIONS.get]: COLLECTIONS.length + 2 });
  });

  test('a collection another setup made meanwhile is found, not reported as made', async () => {
    const stores = createCloudBaseStores(endpoint.database());
    const [name] = COLLECTIONS;
    endpoint.faults.next({
      action: ACTIONS.get,
      collection: name,
      kind: 'error',
      code: 'DATABASE_COLLECTION_NOT_EXIST',
    });
    await endpoint.database().createCollection(name);
    const report = await setupDatabase(stores, loadCatalog());
    expect(report.collections.existing).toEqual([name]);
    expect(report.collections.created).toEqual(COLLECTIONS.slice(1));
  });

  test('the admin function runs it when its timer trigger fires; a timer-shaped event from a client does not', async () => {
    const { main, restore } = loadAdmin(endpoint);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const fromClient = setWXContext({ OPENID: 'o-someone', SOURCE: 'wx_client' });
      try {
        expect(await main(TIMER)).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
      } finally {
        fromClient();
      }
      expect(endpoint.requests.count({ op: 'createCollection' })).toBe(0);
      expect(error).toHaveBeenCalledWith(expect.stringMatching(/not run as the timer: SOURCE=wx_client/));

      const fromTimer = setWXContext({ SOURCE: 'wx_trigger' });
      let report: SetupReport;
      try {
        report = (await main(TIMER)) as SetupReport;
      } finally {
        fromTimer();
      }
      expect(report.collections.created).toEqual([...COLLECTIONS]);
      expect(report.installments.published).toEqual(['esd-01']);
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/^setup\.db \(timer setupDb202612011435\): \{/));
    } finally {
      restore();
      log.mockRestore();
      error.mockRestore();
    }
  });
});
