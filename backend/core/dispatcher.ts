import type { Api, Envelope, FunctionName } from '../../typings/contract';
import { callerOf } from '../staff/roles';
import type { Caller, HandlerContext, Identity } from './context';
import { fail } from './envelope';
import { readerKeys } from './reader-key';
import { type Actions, dispatch } from './router';
import type { Stores } from './stores';

export type FunctionTable = { [F in FunctionName]?: Actions<Api[F]> };

export interface DispatcherOptions {
  /** The functions served: one in a cloud function's bundle, all of them on the local server. */
  functions: FunctionTable;
  stores: Stores;
  /** READER_HASH_SECRET: the key readers (and staff) are hashed with (see reader-key.ts). */
  readerSecret: string | undefined;
  /** ADMIN_OPENIDS: the first administrators (see backend/staff/roles.ts). */
  adminOpenids?: readonly string[];
  now?: () => Date;
  log?: (error: unknown) => void;
}

export interface Dispatcher {
  /** Answers one call of `fn` made by `identity`. */
  call(fn: string, event: unknown, identity: Identity): Promise<Envelope<unknown>>;
  /** The context a call by `identity` gets: for code that runs a handler outside `call`. */
  context(identity: Identity): HandlerContext;
}

/** The one place a HandlerContext is built: the cloud entries, the local server and the tests all come here. */
export function createDispatcher({
  functions,
  stores,
  readerSecret,
  adminOpenids = [],
  now = () => new Date(),
  log = console.error,
}: DispatcherOptions): Dispatcher {
  const readerKey = readerKeys(readerSecret);
  const admins = new Set(adminOpenids);
  const context = (identity: Identity): HandlerContext => {
    let caller: Promise<Caller> | null = null;
    return {
      identity,
      now,
      stores,
      readerKey,
      adminKeys: () => [...admins].flatMap((openid) => readerKey({ openid }, undefined)?.key ?? []),
      caller: () => {
        caller ??= callerOf(identity, { adminOpenids: admins, readerKey, staff: stores.staff });
        return caller;
      },
    };
  };
  return {
    context,
    async call(fn, event, identity) {
      const actions = Object.hasOwn(functions, fn) ? functions[fn as FunctionName] : undefined;
      if (actions === undefined) return fail('NOT_FOUND', `没有这个云函数：${fn.slice(0, 32)}`);
      return dispatch<Api[FunctionName]>(actions as Actions<Api[FunctionName]>, event, context(identity), log);
    },
  };
}
