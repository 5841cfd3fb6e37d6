import * as z from 'zod/mini';
import '../core/zod';

/** What a timer trigger passes as the event (`Message` only when the trigger was given one). */
const timerEvent = z.object({
  Type: z.string().check(z.regex(/^timer$/i)),
  TriggerName: z.string(),
  Time: z.string(),
});

export type TimerEvent = z.infer<typeof timerEvent>;

/** `getWXContext().SOURCE` of a run started by a timer trigger. */
export const TIMER_SOURCE = 'wx_trigger';
/** The environment variable the platform sets, to `timer`, for a run a timer trigger started. */
export const TRIGGER_SRC_TIMER = 'timer';

export interface TimerWiring {
  /** What the platform says started this run: `cloud.getWXContext().SOURCE` and `process.env.TRIGGER_SRC`. */
  markers: () => { source: string | undefined; triggerSrc: string | undefined };
  onTimer: (event: TimerEvent) => Promise<unknown>;
  /** Told when a timer-shaped event was not run as the timer; console.error unless given. */
  alarm?: (message: string) => void;
}

/**
 * Runs `onTimer` for a timer trigger and `main` for everything else. The event shape alone is not trusted — any
 * client can send `{Type: 'Timer', …}` — so a run is the timer only when one of the platform's own markers says
 * so. A timer-shaped event without them is logged as an error, never dropped quietly: if the platform stopped
 * setting the markers, the daily reconcile would silently stop running.
 */
export function withTimer<R>(
  main: (event: unknown) => Promise<R>,
  { markers, onTimer, alarm = (message) => console.error(message) }: TimerWiring,
): (event: unknown) => Promise<R | unknown> {
  return async (event) => {
    const parsed = z.safeParse(timerEvent, event);
    if (!parsed.success) return main(event);
    const { source, triggerSrc } = markers();
    if (source === TIMER_SOURCE || triggerSrc === TRIGGER_SRC_TIMER) return onTimer(parsed.data);
    alarm(
      `timer-shaped event "${String(parsed.data.TriggerName).slice(0, 40)}" not run as the timer: SOURCE=${String(source).slice(0, 40)}, TRIGGER_SRC=${String(triggerSrc).slice(0, 40)}`,
    );
    return main(event);
  };
}
