import {
  chinaDateTime,
  chinaTime,
  formatChange,
  formatFigure,
  formatRate,
  formatRateChange,
  periodText,
} from '../../../miniprogram/staff/utils/format';

describe('staff figures in real magnitudes (never the reader side’s 10万+)', () => {
  test.each([
    [0, '0'],
    [-3, '0'],
    [Number.NaN, '0'],
    [7, '7'],
    [9999, '9999'],
    [10_000, '1万'],
    [12_345, '1.2万'],
    [99_999, '9.9万'],
    [100_000, '10万'],
    [123_456, '12.3万'],
    [999_999, '99.9万'],
    [1_000_000, '100万'],
    [6_700_000, '670万'],
    [6_789_999, '678万'],
    [99_999_999, '9999万'],
    [100_000_000, '1亿'],
    [123_456_789, '1.2亿'],
    [2_500_000_000, '25亿'],
  ])('%d → %s', (n, shown) => {
    expect(formatFigure(n)).toBe(shown);
  });

  test('never rounds up past what was counted', () => {
    expect(formatFigure(19_999)).toBe('1.9万');
    expect(formatFigure(9999.9)).toBe('9999');
  });

  test('rates as percentages, and a dash when there was nothing to divide by', () => {
    expect(formatRate(0.456)).toBe('45.6%');
    expect(formatRate(0.5)).toBe('50%');
    expect(formatRate(1 / 3)).toBe('33.3%');
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(null)).toBe('—');
  });

  test('changes against the previous period', () => {
    expect(formatChange(12, 10)).toEqual({ text: '↑ 20%', trend: 'up' });
    expect(formatChange(5, 10)).toEqual({ text: '↓ 50%', trend: 'down' });
    expect(formatChange(10, 10)).toEqual({ text: '持平', trend: 'flat' });
    expect(formatChange(3, 0)).toEqual({ text: '新增', trend: 'new' });
    expect(formatChange(1001, 1000)).toEqual({ text: '↑ <1%', trend: 'up' });
    expect(formatChange(3, null)).toEqual({ text: '', trend: 'none' });
    expect(formatRateChange(0.5, 0.468)).toEqual({ text: '↑ 3.2个百分点', trend: 'up' });
    expect(formatRateChange(0.4, 0.5)).toEqual({ text: '↓ 10个百分点', trend: 'down' });
    expect(formatRateChange(null, 0.5)).toEqual({ text: '', trend: 'none' });
  });

  test('periods and times in China time', () => {
    expect(periodText({ from: '2026-12-02', to: '2026-12-02', days: 1 })).toBe('2026年12月2日');
    expect(periodText({ from: '2026-11-26', to: '2026-12-02', days: 7 })).toBe('2026年11月26日至12月2日');
    expect(periodText({ from: '2025-12-27', to: '2026-01-02', days: 7 })).toBe('2025年12月27日至2026年1月2日');
    expect(periodText(null)).toBe('累计（自开始计数起）');
    expect(chinaTime('2026-12-02T16:05:00.000Z')).toBe('00:05');
    expect(chinaDateTime('2026-12-02T16:05:00.000Z')).toBe('2026-12-03 00:05');
  });
});
