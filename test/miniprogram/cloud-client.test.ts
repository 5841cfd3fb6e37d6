import {
  type CloudRequest,
  call,
  createCloudClient,
  isFinal,
  isNetworkError,
  NETWORK_MESSAGE,
  SERVICE_MESSAGE,
  type Transport,
} from '../../miniprogram/services/cloud';
import type { InstallmentListItem } from '../../typings/contract';

const item: InstallmentListItem = {
  id: 'i1',
  number: 1,
  title: '第一期',
  subtitle: '深入学习领会党的二十大精神',
  publishedAt: null,
  articleCount: 3,
};

/** A transport that records what it was sent and answers with `reply`. */
function recording(reply: () => Promise<unknown>): { transport: Transport; sent: CloudRequest[] } {
  const sent: CloudRequest[] = [];
  return {
    sent,
    transport: (request) => {
      sent.push(request);
      return reply();
    },
  };
}

/** An error shaped like the ones wx.cloud.callFunction rejects with. */
const wxError = (errCode: number, errMsg: string) => Object.assign(new Error(errMsg), { errCode, errMsg });

describe('cloud client', () => {
  it('sends {name, data: {action, input}}', async () => {
    const { transport, sent } = recording(async () => ({ ok: true, data: { items: [] } }));
    await createCloudClient(transport).call('content', 'installment.get', { id: 'i1' });
    expect(sent).toEqual([{ name: 'content', data: { action: 'installment.get', input: { id: 'i1' } } }]);
  });

  it('passes a success envelope through', async () => {
    const envelope = { ok: true, data: { items: [item] } };
    const { transport } = recording(async () => envelope);
    const result = await createCloudClient(transport).call('content', 'installment.list', {});
    expect(result).toEqual(envelope);
    if (result.ok) expect(result.data.items[0]?.title).toBe('第一期');
  });

  it('passes a failure envelope through with its own message', async () => {
    const envelope = { ok: false, code: 'NOT_FOUND', message: '没有找到这一期' };
    const { transport } = recording(async () => envelope);
    await expect(createCloudClient(transport).call('content', 'installment.get', { id: 'x' })).resolves.toEqual(
      envelope,
    );
  });

  it('passes UNAVAILABLE through (the database was busy) as an answer worth retrying', async () => {
    const envelope = { ok: false, code: 'UNAVAILABLE', message: '服务正忙，请稍后再试' };
    const { transport } = recording(async () => envelope);
    await expect(createCloudClient(transport).call('track', 'read', {} as never)).resolves.toEqual(envelope);
    expect(isFinal('UNAVAILABLE')).toBe(false);
    expect(isFinal('RATE_LIMITED')).toBe(false);
    expect(isFinal('BAD_REQUEST')).toBe(true);
    expect(isFinal('NOT_FOUND')).toBe(true);
  });

  it('turns a network rejection into a friendly INTERNAL failure', async () => {
    const { transport } = recording(() => Promise.reject(wxError(-1, 'cloud.callFunction:fail request:fail timeout')));
    await expect(createCloudClient(transport).call('content', 'installment.list', {})).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: NETWORK_MESSAGE,
    });
  });

  it('turns any other rejection (function missing or crashed) into a service failure', async () => {
    const missing = wxError(-501000, 'cloud.callFunction:fail [ResourceNotFound.Function] FunctionName not found');
    const { transport } = recording(() => Promise.reject(missing));
    await expect(createCloudClient(transport).call('content', 'installment.list', {})).resolves.toEqual({
      ok: false,
      code: 'INTERNAL',
      message: SERVICE_MESSAGE,
    });
  });

  it('survives a transport that throws synchronously', async () => {
    const transport: Transport = () => {
      throw new Error('wx.cloud is not available');
    };
    const result = await createCloudClient(transport).call('content', 'installment.list', {});
    expect(result).toEqual({ ok: false, code: 'INTERNAL', message: SERVICE_MESSAGE });
  });

  it.each([
    ['undefined', undefined],
    ['a string', 'hello'],
    ['an object without ok', { items: [] }],
    ['ok: true without data', { ok: true }],
    ['a failure with an unknown code', { ok: false, code: 'OOPS', message: '出错了' }],
    ['a failure without a message', { ok: false, code: 'INTERNAL' }],
  ])('turns %s into an INTERNAL failure', async (_label, value) => {
    const { transport } = recording(async () => value);
    const result = await createCloudClient(transport).call('content', 'installment.list', {});
    expect(result).toEqual({ ok: false, code: 'INTERNAL', message: SERVICE_MESSAGE });
  });

  it('reports every failed call, and only those', async () => {
    const report = jest.fn();
    const failing = createCloudClient(() => Promise.reject(wxError(-404011, 'function execution error')), { report });
    await failing.call('content', 'installment.list', {});
    const working = createCloudClient(async () => ({ ok: true, data: { items: [] } }), { report });
    await working.call('content', 'installment.list', {});
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[0]).toEqual({ name: 'content', data: { action: 'installment.list', input: {} } });
  });
});

describe('call (the default client)', () => {
  it('resolves with a failure, not a throw, where wx.cloud does not exist', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const result = await call('content', 'installment.list', {});
      expect(result).toEqual({ ok: false, code: 'INTERNAL', message: SERVICE_MESSAGE });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('isNetworkError', () => {
  it.each([
    ['a generic request:fail', true, wxError(-1, 'cloud.callFunction:fail request:fail')],
    ['a plain error saying timeout', true, new Error('cloud.callFunction:fail timeout')],
    ['an SDK polling failure', true, wxError(-404005, 'exceed max poll retry')],
    ['a WeChat backend network error', true, wxError(-601003, 'system network error')],
    ['a function that timed out on the server', false, wxError(-504003, 'Invoking task timed out after 3 seconds')],
    ['a function that crashed', false, wxError(-404011, 'cloud function execution error')],
    ['a missing function', false, wxError(-501000, '[ResourceNotFound.Function] FunctionName not found')],
    ['a plain error', false, new Error('wx.cloud is not available')],
    ['a string', false, 'request:fail'],
  ])('%s → %s', (_label, expected, error) => {
    expect(isNetworkError(error)).toBe(expected);
  });
});
