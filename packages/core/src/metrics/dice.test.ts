// Dice from bit counts, with the empty–empty convention.
import { BitMask } from '../volume/BitMask';
import { dice, diceFromCounts } from './dice';
import { box, grid } from './metrics.fixture';

test('2·|A∩B| / (|A|+|B|): 2·800/(1000+1000) = 0.8 for cubes of 10³ shifted by 2', () => {
  const g = grid(40, 12, 12);
  expect(dice(box(g, [1, 1, 1], [10, 10, 10]), box(g, [3, 1, 1], [10, 10, 10]))).toBeCloseTo(0.8, 15);
});

test('both empty: 1; one empty: 0; disjoint: 0', () => {
  expect(diceFromCounts({ a: 0, b: 0, both: 0 })).toBe(1);
  expect(diceFromCounts({ a: 5, b: 0, both: 0 })).toBe(0);
  const g = grid(8, 2, 2);
  expect(dice(box(g, [0, 0, 0], [2, 2, 2]), box(g, [4, 0, 0], [2, 2, 2]))).toBe(0);
  expect(dice(new BitMask(g), new BitMask(g))).toBe(1);
});
