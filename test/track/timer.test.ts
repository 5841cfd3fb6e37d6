import { withTimer } from '../../backend/cloud/timer';

const TIMER = { Type: 'Timer', TriggerName: 'reconcileDaily', Time: '2026-11-28T19:17:00Z' };

describe('the timer gate', () => {
  const run = (markers: { source?: string; triggerSrc?: string }, event: unknown = TIMER) => {
    const ran: string[] = [];
    const alarms: string[] = [];
    const main = withTimer(async () => ran.push('main'), {
      markers: () => ({ source: markers.source, triggerSrc: markers.triggerSrc }),
      onTimer: async () => ran.push('timer'),
      alarm: (m) => alarms.push(m),
    });
    return main(event).then(() => ({ ran, alarms }));
  };

  test.each([
    ['SOURCE wx_trigger', { source: 'wx_trigger' }],
    ['TRIGGER_SRC timer alone', { triggerSrc: 'timer' }],
    ['both', { source: 'wx_trigger', triggerSrc: 'timer' }],
  ])('runs the job when the platform says a timer started the run: %s', async (_name, markers) => {
    expect(await run(markers)).toEqual({ ran: ['timer'], alarms: [] });
  });

  test.each([
    ['from the app', { source: 'wx_client' }],
    ['over HTTP', { source: 'wx_http' }],
    ['with no marker at all', {}],
  ])('logs a timer-shaped event it does not run as an error, and answers it as any call: %s', async (_n, markers) => {
    const { ran, alarms } = await run(markers);
    expect(ran).toEqual(['main']);
    expect(alarms).toEqual([expect.stringMatching(/reconcileDaily.*not run as the timer/)]);
  });

  test('anything else goes to main without a word', async () => {
    expect(await run({ source: 'wx_trigger' }, { action: 'read' })).toEqual({ ran: ['main'], alarms: [] });
  });
});
