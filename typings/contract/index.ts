import type { AdminApi } from './admin';
import type { ContentApi } from './content';
import type { StatsApi } from './stats';
import type { TrackApi } from './track';

export * from './admin';
export * from './attribution';
export * from './content';
export * from './envelope';
export * from './ids';
export * from './stats';
export * from './track';

/** Every deployed function and its actions: the one map the app client and the backend routers share. */
export interface Api {
  content: ContentApi;
  track: TrackApi;
  stats: StatsApi;
  admin: AdminApi;
}

export type FunctionName = keyof Api;
export type ActionOf<F extends FunctionName> = keyof Api[F] & string;
type Spec<F extends FunctionName, A extends ActionOf<F>> = Api[F][A] extends { input: unknown; output: unknown }
  ? Api[F][A]
  : never;
export type InputOf<F extends FunctionName, A extends ActionOf<F>> = Spec<F, A>['input'];
export type OutputOf<F extends FunctionName, A extends ActionOf<F>> = Spec<F, A>['output'];
