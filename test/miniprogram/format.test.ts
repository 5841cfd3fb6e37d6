import { segmentsOf } from '../../miniprogram/stores/search';
import { formatCount } from '../../miniprogram/utils/format';

test.each([
  [0, '0'],
  [1, '1'],
  [9999, '9999'],
  [10000, '1万'],
  [12345, '1.2万'],
  [99999, '9.9万'],
  [100000, '10万+'],
  [2500000, '10万+'],
  [-3, '0'],
  [Number.NaN, '0'],
])('read count %p is shown as %p', (n, shown) => {
  expect(formatCount(n)).toBe(shown);
});

test('a snippet is cut at the match offsets for highlighting', () => {
  expect(segmentsOf('…广泛宣传科普防护知识…', [[5, 7]])).toEqual([
    { key: 0, text: '…广泛宣传', hit: false },
    { key: 1, text: '科普', hit: true },
    { key: 2, text: '防护知识…', hit: false },
  ]);
  expect(
    segmentsOf('斗争与斗争', [
      [3, 5],
      [0, 2],
      [1, 9],
    ]),
  ).toEqual([
    { key: 0, text: '斗争', hit: true },
    { key: 1, text: '与', hit: false },
    { key: 2, text: '斗争', hit: true },
  ]);
});
