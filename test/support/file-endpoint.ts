import { type CloudBaseEndpoint, startCloudBaseEndpoint } from './cloudbase-endpoint';

/**
 * One local CloudBase endpoint per test file: started on first use, emptied by `freshEndpoint()` for each test,
 * closed after the file's last test. Importing this module registers that `afterAll` (jest loads test files with a
 * module registry each, so each file has its own endpoint); a file that never asks for one starts none.
 */
let started: Promise<CloudBaseEndpoint> | undefined;

/** The file's endpoint as it is (started if need be). */
export function fileEndpoint(): Promise<CloudBaseEndpoint> {
  started ??= startCloudBaseEndpoint();
  return started;
}

/** The file's endpoint, empty: no records, no faults, an empty request log. */
export async function freshEndpoint(): Promise<CloudBaseEndpoint> {
  const endpoint = await fileEndpoint();
  endpoint.reset();
  return endpoint;
}

afterAll(async () => {
  const endpoint = started;
  started = undefined;
  if (endpoint !== undefined) await (await endpoint).close();
});
