import { perform } from './actions';
import type { MemoryDatabase } from './database';
import type { FaultPlan } from './faults';
import { answerTooLarge, type Limits } from './limits';
import type { RequestLog, RequestRecord } from './requests';
import type { Reply } from './server';
import { ACTIONS, answer, type Doc, decodeRequest, failure, opOf, PlatformError, type WireRequest } from './wire';

export interface HandlerParts {
  env: string;
  now: () => Date;
  limits: Limits;
  db: MemoryDatabase;
  faults: FaultPlan;
  requests: RequestLog;
}

/** One request body → what to send back: decoded, logged, faulted if a fault takes it, performed, size-checked. */
export function createHandler({
  env,
  now,
  limits,
  db,
  faults,
  requests,
}: HandlerParts): (text: string) => Promise<Reply> {
  let serial = 0;

  const decode = (text: string): WireRequest => {
    let body: Doc;
    try {
      body = JSON.parse(text) as Doc;
    } catch {
      throw new PlatformError('INVALID_PARAM', 'the body is not JSON');
    }
    try {
      const request = decodeRequest(body, now);
      if (request.envName !== env) throw new PlatformError('INVALID_ENV', `env ${request.envName} not found`);
      return request;
    } catch (error) {
      const named = (value: unknown) => (typeof value === 'string' ? value : '');
      requests.record({ action: named(body.action), collection: named(body.collectionName), queryType: 'WHERE' });
      throw error;
    }
  };

  const performed = (requestId: string, request: WireRequest): string => {
    const reply = answer(requestId, perform(db, limits, request));
    const tooLarge = answerTooLarge(limits, reply);
    if (tooLarge !== null) throw tooLarge;
    return reply;
  };

  /** The platform's answer for a refusal; anything else thrown is an endpoint bug, answered with HTTP 500. */
  const refusal = (requestId: string, error: unknown): string => {
    if (error instanceof PlatformError) return failure(requestId, error);
    throw error;
  };

  return async (text) => {
    serial += 1;
    const requestId = `local-${serial}`;
    let request: WireRequest;
    try {
      request = decode(text);
    } catch (error) {
      return { body: refusal(requestId, error) };
    }
    const { action, collectionName: collection, queryType } = request;
    const op = opOf(request);
    const verdict = faults.take({ action, op, collection });
    const entry: RequestRecord = {
      action,
      op,
      collection,
      queryType,
      ...(action === ACTIONS.get && request.limit !== undefined && { limit: request.limit }),
      ...(verdict !== undefined && { fault: verdict.kind }),
    };
    requests.record(entry);
    const send = (body: string): Reply => {
      entry.answerBytes = Buffer.byteLength(body);
      return { body };
    };
    if (verdict?.kind === 'error') return send(failure(requestId, new PlatformError(verdict.code, verdict.message)));
    if (verdict?.kind === 'hang' && (await verdict.held) === 'drop') return 'cut';
    let reply: string;
    try {
      reply = performed(requestId, request);
    } catch (error) {
      reply = refusal(requestId, error);
    }
    return verdict?.kind === 'lostReply' ? 'cut' : send(reply);
  };
}
