import * as z from 'zod/mini';
import type { Envelope } from '../../typings/contract';
import type { CallerRole, HandlerContext, Role } from './context';
import { fail, UNAVAILABLE_MESSAGE } from './envelope';
import { StoreUnavailableError } from './stores';
import { describeIssues, type Schema } from './zod';

export interface Action<I, O> {
  /** Who may call it: checked from the caller's identity before the input is even parsed. */
  role: Role;
  input: Schema<I>;
  handle: (input: I, ctx: HandlerContext) => Promise<Envelope<O>>;
}

/** One entry per action of an API map from `typings/contract`: a plain typed table, no router library. */
export type Actions<Api> = {
  [A in keyof Api]: Api[A] extends { input: infer I; output: infer O } ? Action<I, O> : never;
};

/** `userInfo` is added to every call by WeChat itself; anything else unexpected is refused. */
const eventSchema = z.strictObject({
  action: z.string().check(z.maxLength(64)),
  input: z.optional(z.unknown()),
  userInfo: z.optional(z.unknown()),
});

const hasOwn = (o: object, key: string): boolean => Object.hasOwn(o, key);

const allows = (caller: CallerRole, role: Role): boolean =>
  role === 'public' || (role === 'staff' ? caller !== 'reader' : caller === 'admin');

const FORBIDDEN: Record<Exclude<Role, 'public'>, string> = {
  staff: '没有权限：仅限工作人员使用',
  admin: '没有权限：仅限管理员使用',
};

/**
 * Validates the event, checks the caller's role, runs the action's handler and always answers with an envelope:
 * a caller without the role is FORBIDDEN whatever the payload says; bad input is BAD_REQUEST before any handler
 * runs; a busy store is UNAVAILABLE (retryable); any other thrown error is INTERNAL and logged.
 */
export async function dispatch<Api>(
  actions: Actions<Api>,
  event: unknown,
  ctx: HandlerContext,
  log: (error: unknown) => void = console.error,
): Promise<Envelope<unknown>> {
  const parsed = z.safeParse(eventSchema, event);
  if (!parsed.success) return fail('BAD_REQUEST', `请求格式不对：${describeIssues(parsed.error)}`);
  const { action: name, input } = parsed.data;
  if (!hasOwn(actions, name)) return fail('BAD_REQUEST', `没有这个操作：${name.slice(0, 32)}`);
  const action = actions[name as keyof Api] as Action<unknown, unknown>;
  try {
    if (action.role !== 'public' && !allows((await ctx.caller()).role, action.role)) {
      return fail('FORBIDDEN', FORBIDDEN[action.role]);
    }
    const checked = z.safeParse(action.input, input ?? {});
    if (!checked.success) return fail('BAD_REQUEST', `参数不对：${describeIssues(checked.error)}`);
    return await action.handle(checked.data, ctx);
  } catch (error) {
    if (error instanceof StoreUnavailableError) return fail('UNAVAILABLE', UNAVAILABLE_MESSAGE);
    log(error);
    return fail('INTERNAL', '服务暂时出了点问题，请稍后再试');
  }
}
