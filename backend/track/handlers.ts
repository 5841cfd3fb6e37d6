import type { Envelope, TrackApi, TrackEvent } from '../../typings/contract';
import type { HandlerContext } from '../core/context';
import { fail, ok } from '../core/envelope';
import type { Actions } from '../core/router';
import type { EventOutcome } from './decide';
import { recordEvents, toResult } from './record';
import { inputs } from './schemas';

type Accepted<K extends TrackEvent['type']> = Extract<EventOutcome, { ok: true; type: K }>;

/** Records a single event and answers with the envelope: its refusal as the error, or `project` of its outcome. */
async function single<K extends TrackEvent['type'], O>(
  ctx: HandlerContext,
  event: Extract<TrackEvent, { type: K }>,
  anonId: string | undefined,
  project: (outcome: Accepted<K>) => O,
): Promise<Envelope<O>> {
  const [outcome] = await recordEvents(ctx, [event], anonId);
  if (outcome === undefined) throw new Error('no outcome for the event');
  if (!outcome.ok) return fail(outcome.code, outcome.message);
  if (outcome.type !== event.type) throw new Error(`a ${event.type} event answered as ${outcome.type}`);
  return ok(project(outcome as Accepted<K>));
}

/** The `track` function: reading analytics. Identity comes from the context only; see backend/track/decide.ts. */
export const trackActions: Actions<TrackApi> = {
  read: {
    role: 'public',
    input: inputs.read,
    handle: ({ anonId, ...event }, ctx) =>
      single(ctx, { type: 'read', ...event }, anonId, (o) => ({ counted: o.counted, readCount: o.readCount })),
  },
  progress: {
    role: 'public',
    input: inputs.progress,
    handle: ({ anonId, ...event }, ctx) =>
      single(ctx, { type: 'progress', ...event }, anonId, (o) => ({ completed: o.completed })),
  },
  share: {
    role: 'public',
    input: inputs.share,
    handle: ({ anonId, ...event }, ctx) => single(ctx, { type: 'share', ...event }, anonId, () => ({ recorded: true })),
  },
  batch: {
    role: 'public',
    input: inputs.batch,
    handle: async ({ events, anonId }, ctx) => ok({ results: (await recordEvents(ctx, events, anonId)).map(toResult) }),
  },
};
