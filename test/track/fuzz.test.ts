import fc from 'fast-check';
import { EVENT_ID, SHARE_ID } from '../../backend/core/ids';
import { dispatch } from '../../backend/core/router';
import { trackActions } from '../../backend/track/handlers';
import { inputs } from '../../backend/track/schemas';
import type { Envelope } from '../../typings/contract';
import { A, adapters, attribution, type Harness } from './support';

/**
 * Arbitrary, malformed payloads for every `track` action: always a BAD_REQUEST (or RATE_LIMITED) envelope,
 * never INTERNAL, and never a single write to the store.
 */

const SHORT_ID = /^[a-z0-9][a-z0-9-]{0,7}$/;

const nested = (depth: number): unknown => {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
};

const protoKey = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": true}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
);
const huge = fc.integer({ min: 65, max: 300_000 }).map((n) => 'x'.repeat(n));
const unicode = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const weirdNumber = fc.oneof(
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, -0.5, 1e308, -1e308, 2 ** 53),
  fc.double({ noNaN: false }),
);
const wrongType = fc.oneof(
  fc.integer(),
  weirdNumber,
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 5 }),
  fc.object({ maxDepth: 2 }),
  protoKey,
  fc.constant(nested(2000)),
);

const notMatching = (re: RegExp) =>
  fc.oneof(
    wrongType,
    huge,
    unicode.filter((s) => !re.test(s)),
    fc.string({ maxLength: 50 }).filter((s) => !re.test(s)),
  );

const badAttribution = fc.oneof(
  wrongType,
  fc
    .record({
      scene: fc.oneof(
        weirdNumber.filter((n) => !Number.isInteger(n) || n < 0 || n > 999_999),
        fc.string(),
        fc.boolean(),
      ),
    })
    .map((bad) => ({ ...attribution(), ...bad })),
  fc
    .record({
      ch: fc.oneof(
        huge,
        wrongType.filter((v) => v !== null),
      ),
    })
    .map((bad) => ({ ...attribution(), ...bad })),
  fc
    .record({
      s: fc.oneof(
        huge,
        wrongType.filter((v) => v !== null),
      ),
    })
    .map((bad) => ({ ...attribution(), ...bad })),
  fc.record({ chatType: fc.oneof(weirdNumber, fc.string()) }).map((bad) => ({ ...attribution(), ...bad })),
  fc.record({ apiCategory: fc.oneof(huge, fc.integer()) }).map((bad) => ({ ...attribution(), ...bad })),
  protoKey.map((extra) => ({ ...attribution(), ...extra })),
  fc.constant({ ...attribution(), openid: 'spoofed' }),
  fc.constantFrom('scene', 'ch', 's', 'chatType', 'apiCategory').map((k) => {
    const a: Record<string, unknown> = { ...attribution() };
    delete a[k];
    return a;
  }),
);

const validId = fc.stringMatching(EVENT_ID);
const validFields = {
  read: { eventId: validId, articleId: fc.constant(A), attribution: fc.constant(attribution()) },
  progress: {
    eventId: validId,
    articleId: fc.constant(A),
    readEventId: validId,
    depth: fc.double({ min: 0, max: 1, noNaN: true }),
    dwellMs: fc.integer({ min: 0, max: 3_600_000 }),
  },
  share: {
    eventId: validId,
    articleId: fc.constant(A),
    shareId: fc.stringMatching(SHARE_ID),
    target: fc.constantFrom('chat', 'timeline', 'poster'),
  },
};
const invalidFields: Record<string, fc.Arbitrary<unknown>> = {
  eventId: notMatching(EVENT_ID),
  readEventId: notMatching(EVENT_ID),
  articleId: notMatching(SHORT_ID),
  attribution: badAttribution,
  depth: fc.oneof(
    weirdNumber.filter((n) => !(n >= 0 && n <= 1)),
    fc.string(),
    fc.constant(null),
  ),
  dwellMs: fc.oneof(
    weirdNumber.filter((n) => !(Number.isInteger(n) && n >= 0 && n <= 86_400_000)),
    fc.constant(86_400_001),
    fc.string(),
  ),
  shareId: notMatching(SHARE_ID),
  target: fc.oneof(
    wrongType,
    fc.string().filter((s) => !['chat', 'timeline', 'poster'].includes(s)),
  ),
  anonId: notMatching(EVENT_ID),
};

type Kind = keyof typeof validFields;

/** A valid event of `kind` with at least one field broken, removed, or an unexpected key added. */
const brokenEvent = (kind: Kind) => {
  const fields = Object.keys(validFields[kind]);
  return fc
    .record({
      base: fc.record(validFields[kind] as Record<string, fc.Arbitrary<unknown>>),
      broken: fc
        .subarray([...fields, 'anonId'], { minLength: 1 })
        .chain((names) =>
          fc.tuple(
            ...names.map((n) => (invalidFields[n] as fc.Arbitrary<unknown>).map((v): [string, unknown] => [n, v])),
          ),
        ),
      how: fc.constantFrom('replace', 'replace', 'replace', 'remove', 'extra'),
      extra: fc.oneof(protoKey, fc.constant({ openid: 'spoofed' }), fc.constant({ type: 'read' })),
    })
    .map(({ base, broken, how, extra }) => {
      const event: Record<string, unknown> = { ...base };
      if (how === 'extra') return { ...event, ...extra };
      for (const [name, value] of broken) {
        if (how === 'remove' && name !== 'anonId') delete event[name];
        else event[name] = value;
      }
      return event;
    });
};

const anyPayload = fc.oneof(
  fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }),
  wrongType,
  huge,
);

const payloadFor = (action: string): fc.Arbitrary<unknown> => {
  if (action === 'batch') {
    const goodRead = fc.record(validFields.read).map((e) => ({ type: 'read', ...e }));
    const bad = fc
      .constantFrom<Kind>('read', 'progress', 'share')
      .chain((k) => brokenEvent(k).map((e) => ({ type: k, ...e })));
    return fc.oneof(
      anyPayload,
      fc.record({ events: fc.oneof(wrongType, huge) }),
      // One broken event among good ones refuses the whole batch.
      fc.tuple(fc.array(goodRead, { maxLength: 8 }), bad, fc.array(goodRead, { maxLength: 8 })).map(([a, b, c]) => ({
        events: [...a, b, ...c],
      })),
      fc.array(goodRead, { minLength: 21, maxLength: 40 }).map((events) => ({ events })),
      fc.constant({ events: [] }),
      fc.record({ events: fc.array(fc.anything(), { minLength: 1, maxLength: 5 }) }),
      fc.constant({ events: Array.from({ length: 5000 }, () => ({})) }),
      fc.constant({ events: [{ type: '__proto__' }] }),
    );
  }
  return fc.oneof(
    { weight: 4, arbitrary: brokenEvent(action as Kind) },
    { weight: 1, arbitrary: anyPayload },
    { weight: 1, arbitrary: brokenEvent(action as Kind).map((e) => ({ ...e, type: action })) },
  );
};

const ACTIONS = ['read', 'progress', 'share', 'batch'] as const;
type Action = (typeof ACTIONS)[number];

describe.each(adapters)('fuzzing the track function on %s', (_name, open) => {
  let h: Harness;
  let storeCalls: number;
  let changesBefore: number;
  beforeAll(async () => {
    h = await open();
    storeCalls = 0;
    const ports = h.stores as unknown as Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>>;
    for (const [port, methods] of Object.entries(ports)) {
      if (typeof methods !== 'object') continue;
      for (const [name, original] of Object.entries(methods)) {
        methods[name] = (...args: unknown[]) => {
          storeCalls += 1;
          return original(...args);
        };
      }
      ports[port] = methods;
    }
    h.endpoint?.requests.clear();
    changesBefore = h.db ? (h.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n : 0;
  });
  afterAll(async () => {
    expect(storeCalls).toBe(0);
    // Not one database request, so not one write.
    if (h.endpoint) expect(h.endpoint.requests.entries).toEqual([]);
    if (h.db) expect((h.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n).toBe(changesBefore);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await h.close();
  });

  test.each(ACTIONS)('%s: malformed input is always BAD_REQUEST, never INTERNAL, never a write', async (action) => {
    await fc.assert(
      fc.asyncProperty(payloadFor(action), fc.option(fc.constant('o-fuzz'), { nil: null }), async (input, openid) => {
        if (inputs[action].safeParse(input).success) return;
        const res = (await h.track(action, input, openid)) as Envelope<unknown>;
        expect(res.ok).toBe(false);
        if (!res.ok) {
          expect(['BAD_REQUEST', 'RATE_LIMITED']).toContain(res.code);
          expect(res.message).toMatch(/[\u4e00-\u9fa5]/);
        }
      }),
      { numRuns: 250 },
    );
  });

  test('whole events of any shape, with or without an action, are BAD_REQUEST too', async () => {
    const action = fc.oneof(fc.constantFrom(...ACTIONS, 'toString', '__proto__'), fc.anything());
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything({ withNullPrototype: true, maxDepth: 3 }),
          // An action and an arbitrary input, nothing else: the input reaches the action's schema.
          fc.record({ action, input: fc.oneof(anyPayload, payloadFor('batch'), brokenEvent('read')) }),
          fc.record({ action }),
          // A key WeChat does not add (an openid in the payload) is refused before any action runs.
          fc.record({ action, input: anyPayload, openid: fc.string() }),
        ),
        async (event) => {
          const { action: name, input } = (event ?? {}) as { action?: unknown; input?: unknown };
          const schema = typeof name === 'string' && Object.hasOwn(inputs, name) ? inputs[name as Action] : null;
          if (schema?.safeParse(input).success && Object.keys(event as object).length === 2) return;
          const res = await dispatch(trackActions, event, h.ctx('o-fuzz'));
          expect(res).toMatchObject({ ok: false, code: 'BAD_REQUEST' });
        },
      ),
      { numRuns: 300 },
    );
  });
});
