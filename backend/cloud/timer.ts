import { z } from '../core/zod';

/** What a timer trigger passes as the event (`Message` only when the trigger was given one). */
const timerEvent = z.object({
  Type: z.string().regex(/^timer$/i),
  TriggerName: z.string(),
  Time: z.string(),
});

export type TimerEvent = z.infer<typeof timerEvent>;

/** `getWXContext().SOURCE` of a run started by a timer trigger. */
export const TIMER_SOURCE = 'wx_trigger';

export interface TimerWiring {
  /** `cloud.getWXContext().SOURCE` of the current run. */
  source: () => string | undefined;
  onTimer: (event: TimerEvent) => Promise<unknown>;
}

/**
 * Runs `onTimer` for a timer trigger and `main` for everything else. The event shape alone is not trusted —
 * any client can send `{Type: 'Timer', …}` — so a run counts as the timer only when WeChat says so in SOURCE.
 */
export function withTimer<R>(
  main: (event: unknown) => Promise<R>,
  { source, onTimer }: TimerWiring,
): (event: unknown) => Promise<R | unknown> {
  return async (event) => {
    const parsed = timerEvent.safeParse(event);
    if (!parsed.success) return main(event);
    if (source() === TIMER_SOURCE) return onTimer(parsed.data);
    console.warn(`a timer-shaped event from SOURCE=${String(source()).slice(0, 40)} was not run as the timer`);
    return main(event);
  };
}
