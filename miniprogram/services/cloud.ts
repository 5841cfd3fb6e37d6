/**
 * The one typed client for the cloud functions, and the only caller of wx.cloud.callFunction in the app.
 * It never throws and never shows UI: every outcome is an Envelope the page decides how to show.
 */
import type {
  ActionOf,
  CallEvent,
  Envelope,
  ErrorCode,
  Failure,
  FunctionName,
  InputOf,
  OutputOf,
} from '../../typings/contract';

/** Exactly the argument given to wx.cloud.callFunction. */
export interface CloudRequest {
  name: FunctionName;
  data: CallEvent;
}

/** Resolves with what the function returned (callFunction's `result`); rejects when the call itself failed. */
export type Transport = (request: CloudRequest) => Promise<unknown>;

export interface CloudClient {
  call<F extends FunctionName, A extends ActionOf<F>>(
    fn: F,
    action: A,
    input: InputOf<F, A>,
  ): Promise<Envelope<OutputOf<F, A>>>;
}

export interface CloudClientOptions {
  /** Told about every call that did not return an envelope, for logging; must not throw. */
  report?: (request: CloudRequest, problem: unknown) => void;
}

export const NETWORK_MESSAGE = '网络不太好，请检查网络后重试';
export const SERVICE_MESSAGE = '服务暂时不可用，请稍后再试';

/**
 * wx.cloud errCodes that mean the request did not get through (network, timeouts, the SDK's polling of the result),
 * as opposed to the function failing (-404011, -504002), missing (-501000) or the environment being wrong (-501005).
 */
const NETWORK_ERR_CODES: ReadonlySet<number> = new Set([
  -601003, -604102, -501002, -404001, -404002, -404003, -404004, -404005, -404006, -404007, -404008, -404009, -404010,
  -404012,
]);
/** For errors without a specific errCode (-1 is the generic one): what wx's network failures say. */
const NETWORK_ERR_MSG = /request:fail|network|timeout|timed out|offline|网络|超时/i;
const NETWORK_ERR_TOKEN = /\b(?:ERR_[A-Z_]+|ECONNRESET|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|EAI_AGAIN)\b/;

/** Every ErrorCode, and whether the same request sent again may be answered differently (the Record keeps it complete). */
const RETRYABLE: Record<ErrorCode, boolean> = {
  BAD_REQUEST: false,
  NOT_FOUND: false,
  FORBIDDEN: true,
  RATE_LIMITED: true,
  UNAVAILABLE: true,
  INTERNAL: true,
};
/** Sets rather than Object.hasOwn, which older iOS WeChat lacks. */
const ERROR_CODES: ReadonlySet<string> = new Set(Object.keys(RETRYABLE));
const FINAL_CODES: ReadonlySet<string> = new Set(Object.keys(RETRYABLE).filter((c) => !RETRYABLE[c as ErrorCode]));

/** True when sending the same request (or event) again cannot change the answer; a code not known here is not final. */
export const isFinal = (code: string | undefined): boolean => code !== undefined && FINAL_CODES.has(code);

const internal = (message: string): Failure => ({ ok: false, code: 'INTERNAL', message });

function preview(value: unknown): string {
  try {
    return (JSON.stringify(value) ?? String(value)).slice(0, 200);
  } catch {
    return String(value);
  }
}

/** True when a rejected callFunction looks like the network (or a timeout), not the function, failed. */
export function isNetworkError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { errCode, errMsg, message } = error as { errCode?: unknown; errMsg?: unknown; message?: unknown };
  if (typeof errCode === 'number' && errCode !== -1) return NETWORK_ERR_CODES.has(errCode);
  const text = [errMsg, message].filter((part) => typeof part === 'string').join(' ');
  return NETWORK_ERR_MSG.test(text) || NETWORK_ERR_TOKEN.test(text);
}

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const { ok, code, message } = value as Record<string, unknown>;
  if (ok === true) return 'data' in value;
  return ok === false && typeof code === 'string' && ERROR_CODES.has(code) && typeof message === 'string';
}

export function createCloudClient(transport: Transport, options: CloudClientOptions = {}): CloudClient {
  const report = options.report ?? (() => undefined);
  return {
    async call<F extends FunctionName, A extends ActionOf<F>>(
      fn: F,
      action: A,
      input: InputOf<F, A>,
    ): Promise<Envelope<OutputOf<F, A>>> {
      const request: CloudRequest = { name: fn, data: { action, input } };
      let result: unknown;
      try {
        result = await transport(request);
      } catch (error) {
        report(request, error);
        return internal(isNetworkError(error) ? NETWORK_MESSAGE : SERVICE_MESSAGE);
      }
      if (!isEnvelope(result)) {
        report(request, new Error(`not an envelope: ${preview(result)}`));
        return internal(SERVICE_MESSAGE);
      }
      // The function's output type is the contract's promise; the envelope shape is what was checked here.
      return result as Envelope<OutputOf<F, A>>;
    },
  };
}

const wxTransport: Transport = async (request) => {
  if (typeof wx === 'undefined' || !wx.cloud) throw new Error('wx.cloud is not available');
  const response = await wx.cloud.callFunction(request);
  return response.result;
};

const logToConsole = (request: CloudRequest, problem: unknown): void => {
  console.warn(`[cloud] ${request.name}/${request.data.action} failed`, problem);
};

const defaultClient = createCloudClient(wxTransport, { report: logToConsole });

/** Calls `fn`'s `action` with `input` over wx.cloud.callFunction; always resolves with an envelope. */
export const call: CloudClient['call'] = (fn, action, input) => defaultClient.call(fn, action, input);
