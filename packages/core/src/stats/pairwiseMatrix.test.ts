import { pairwiseMatrix } from './pairwiseMatrix';
import { StatsInputError } from './StatsInputError';

// Why: the reviewer panel shows Dice (or HD95) between every pair of N annotators; the metric is
// expensive, so it must run once per unordered pair and never on the diagonal when one is given.
test('a symmetric matrix from one call per unordered pair, with the caller\'s diagonal', () => {
  const dice: Record<string, number> = { '0,1': 0.9, '0,2': 0.8, '1,2': 0.7 };
  const calls: string[] = [];
  const result = pairwiseMatrix(['ann', 'bob', 'cy'], (i, j) => {
    calls.push(`${i},${j}`);
    return dice[`${i},${j}`];
  }, { diagonal: 1 });
  expect(calls).toEqual(['0,1', '0,2', '1,2']);
  expect(result.values).toEqual([
    [1, 0.9, 0.8],
    [0.9, 1, 0.7],
    [0.8, 0.7, 1],
  ]);
  expect(result.meanWithOthers.map((m) => +m!.toFixed(10))).toEqual([0.85, 0.8, 0.75]);
});

test('without a diagonal the metric is asked for it; null marks an undefined pair', () => {
  const result = pairwiseMatrix(['a', 'b', 'c'], (i, j) => (i === j ? 0 : i === 0 && j === 2 ? null : i + j));
  expect(result.values).toEqual([
    [0, 1, null],
    [1, 0, 3],
    [null, 3, 0],
  ]);
  expect(result.meanWithOthers).toEqual([1, 2, 3]);
  expect(pairwiseMatrix(['a'], () => 0, { diagonal: null }).meanWithOthers).toEqual([null]);
});

test('a NaN from the metric or a duplicate rater is a typed error', () => {
  expect(() => pairwiseMatrix(['a', 'b'], () => Number.NaN, { diagonal: 1 })).toThrow(/metric\(0, 1\)/);
  expect(() => pairwiseMatrix(['a', 'a'], () => 1)).toThrow(StatsInputError);
});
