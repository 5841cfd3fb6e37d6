import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod';
import { stateFile, type Workspace } from './paths';

/**
 * What this clone last uploaded to each environment, so that a step run again changes only what differs (hashes,
 * never values: the secret is not in here).
 */
const envState = z.object({
  /** Content hash of each function's staged folder as last uploaded. */
  functions: z.record(z.string(), z.object({ code: z.string() })).default({}),
  /** Hash of each function's triggers as last created. */
  triggers: z.record(z.string(), z.string()).default({}),
  /** The last database setup scheduled: what it was for, its trigger and when it fires. */
  db: z.optional(z.object({ revision: z.string(), trigger: z.string(), at: z.string() })),
  /** The last version uploaded as the development version. */
  app: z.optional(z.object({ version: z.string(), commit: z.string(), at: z.string() })),
});

const stateSchema = z.record(z.string(), envState);

export type EnvState = z.infer<typeof envState>;
export type State = z.infer<typeof stateSchema>;

export async function loadState(ws: Workspace): Promise<State> {
  try {
    return stateSchema.parse(JSON.parse(await readFile(stateFile(ws), 'utf8')));
  } catch {
    // Missing or unreadable: everything counts as never uploaded, which re-uploads and changes nothing else.
    return {};
  }
}

export const envStateOf = (state: State, env: string): EnvState => {
  state[env] ??= { functions: {}, triggers: {} };
  return state[env];
};

export async function saveState(ws: Workspace, state: State): Promise<void> {
  const file = stateFile(ws);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(state, null, 2)}\n`);
}
