// numpy's default percentile (linear interpolation), values checked with numpy 1.26 by hand:
// np.percentile([1, 2, 3, 4], 95) = 3.85, np.percentile([0, 0, 3], 95) = 2.7, [7] → 7.
import { MetricInputError } from './MetricInputError';
import { percentile } from './percentile';
import { seededRandom, sortedPercentile } from './metrics.fixture';

test.each([
  [[1, 2, 3, 4], 95, 3.85],
  [[0, 0, 3], 95, 2.7],
  [[7], 95, 7],
  [[4, 1, 3, 2], 50, 2.5],
  [[4, 1, 3, 2], 0, 1],
  [[4, 1, 3, 2], 100, 4],
])('percentile(%j, %d) = %d', (values, q, expected) => {
  expect(percentile(values, q)).toBeCloseTo(expected, 14);
});

test('many equal values (the zeros of coinciding surfaces) and random values agree with sorting', () => {
  const random = seededRandom(7);
  for (let trial = 0; trial < 50; trial++) {
    const values = Array.from({ length: 1 + Math.floor(random() * 300) }, () => (random() < 0.5 ? 0 : Math.floor(random() * 5)));
    for (const q of [5, 50, 95, 99]) expect(percentile(values, q)).toBeCloseTo(sortedPercentile(values, q), 12);
  }
});

test('no values give NaN; a percentile outside [0, 100] is a typed error', () => {
  expect(percentile([], 95)).toBeNaN();
  expect(() => percentile([1], 101)).toThrow(MetricInputError);
});
