// Jaccard from bit counts, with the empty–empty convention; J = D / (2 − D).
import { BitMask } from '../volume/BitMask';
import { jaccard, jaccardFromCounts } from './jaccard';
import { box, grid } from './metrics.fixture';

test('|A∩B| / |A∪B| = 800/1200 for cubes of 10³ shifted by 2, i.e. 0.8/(2 − 0.8)', () => {
  const g = grid(40, 12, 12);
  const j = jaccard(box(g, [1, 1, 1], [10, 10, 10]), box(g, [3, 1, 1], [10, 10, 10]));
  expect(j).toBeCloseTo(800 / 1200, 15);
  expect(j).toBeCloseTo(0.8 / 1.2, 15);
});

test('both empty: 1; one empty: 0', () => {
  expect(jaccardFromCounts({ a: 0, b: 0, both: 0 })).toBe(1);
  expect(jaccardFromCounts({ a: 0, b: 3, both: 0 })).toBe(0);
  const g = grid(3, 3, 3);
  expect(jaccard(new BitMask(g), new BitMask(g))).toBe(1);
});
