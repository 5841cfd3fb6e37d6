import type { Api, FunctionName } from '../typings/contract';
import { adminActions } from './admin/handlers';
import { contentActions } from './content/handlers';
import type { Actions } from './core/router';
import { statsActions } from './stats/handlers';
import { trackActions } from './track/handlers';

/** Every deployed function's action table, by function name: what the local server serves. */
export const functions: { [F in FunctionName]: Actions<Api[F]> } = {
  content: contentActions,
  track: trackActions,
  stats: statsActions,
  admin: adminActions,
};

export const isFunctionName = (name: string): name is FunctionName => Object.hasOwn(functions, name);
