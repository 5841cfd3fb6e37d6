import { z } from 'zod';
import type { Envelope } from '../../typings/contract';
import { StoreUnavailableError } from '../storage/port';
import type { HandlerContext } from './context';
import { fail, UNAVAILABLE_MESSAGE } from './envelope';

z.config(z.locales.zhCN());

export interface Action<I, O> {
  input: z.ZodType<I>;
  handle: (input: I, ctx: HandlerContext) => Promise<Envelope<O>>;
}

/** One entry per action of an API map from `typings/contract`: a plain typed table, no router library. */
export type Actions<Api> = {
  [A in keyof Api]: Api[A] extends { input: infer I; output: infer O } ? Action<I, O> : never;
};

/** `userInfo` is added to every call by WeChat itself; anything else unexpected is refused. */
const eventSchema = z.strictObject({
  action: z.string().max(64),
  input: z.unknown().optional(),
  userInfo: z.unknown().optional(),
});

const describe = (error: z.ZodError): string =>
  error.issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}：${issue.message}` : issue.message))
    .join('；');

const hasOwn = (o: object, key: string): boolean => Object.hasOwn(o, key);

/**
 * Validates the event, runs the action's handler and always answers with an envelope:
 * bad input is BAD_REQUEST before any handler runs; a busy store is UNAVAILABLE (retryable); any other thrown error
 * is INTERNAL and logged.
 */
export async function dispatch<Api>(
  actions: Actions<Api>,
  event: unknown,
  ctx: HandlerContext,
  log: (error: unknown) => void = console.error,
): Promise<Envelope<unknown>> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return fail('BAD_REQUEST', `请求格式不对：${describe(parsed.error)}`);
  const { action: name, input } = parsed.data;
  if (!hasOwn(actions, name)) return fail('BAD_REQUEST', `没有这个操作：${name.slice(0, 32)}`);
  const action = actions[name as keyof Api] as Action<unknown, unknown>;
  const checked = action.input.safeParse(input ?? {});
  if (!checked.success) return fail('BAD_REQUEST', `参数不对：${describe(checked.error)}`);
  try {
    return await action.handle(checked.data, ctx);
  } catch (error) {
    if (error instanceof StoreUnavailableError) return fail('UNAVAILABLE', UNAVAILABLE_MESSAGE);
    log(error);
    return fail('INTERNAL', '服务暂时出了点问题，请稍后再试');
  }
}
