import { oneShotTimer } from '../../scripts/deploy/step-db';

describe('the one-time setup trigger', () => {
  test('fires at a whole minute two minutes on or more, in China time, once (the year is in the cron)', () => {
    expect(oneShotTimer(new Date('2026-12-01T06:32:00Z'))).toEqual({
      name: 'setupDb202612011434',
      config: '0 34 14 1 12 * 2026',
      at: '2026-12-01 14:34（北京时间）',
    });
    // 23:58:30 on New Year's Eve in Beijing: 00:01 in the new year.
    expect(oneShotTimer(new Date('2026-12-31T15:58:30Z'))).toMatchObject({
      name: 'setupDb202701010001',
      config: '0 1 0 1 1 * 2027',
    });
  });
});
