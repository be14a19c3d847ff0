import { interpolatedQuantile, percentileBootstrap } from './percentileBootstrap';
import { StatsInputError } from './StatsInputError';

test('interpolated quantiles follow type 7 (R default, numpy linear)', () => {
  const sorted = Float64Array.from([1, 2, 3, 4, 10]);
  expect(interpolatedQuantile(sorted, 0)).toBe(1);
  expect(interpolatedQuantile(sorted, 0.5)).toBe(3);
  expect(interpolatedQuantile(sorted, 0.9)).toBeCloseTo(7.6, 12); // position 3.6: 4 + 0.6·6
  expect(interpolatedQuantile(sorted, 1)).toBe(10);
});

// Why: the bootstrap of a mean of 400 standard-uniform-like values must reproduce the normal-theory
// interval x̄ ± 1.96 s/√n to within the bootstrap's own noise, and be identical for the same seed.
test('the bootstrap interval of a mean matches x̄ ± 1.96 s/√n and is reproducible from its seed', () => {
  const values = Array.from({ length: 400 }, (_, i) => ((i * 37) % 101) / 100);
  const n = values.length;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  const meanOf = (sample: Uint32Array) => sample.reduce((a, u) => a + values[u], 0) / sample.length;
  const interval = percentileBootstrap(n, meanOf, { samples: 2000, seed: 1 }, 'test')!;
  expect(interval.lower).toBeCloseTo(mean - (1.96 * sd) / Math.sqrt(n), 2);
  expect(interval.upper).toBeCloseTo(mean + (1.96 * sd) / Math.sqrt(n), 2);
  expect(percentileBootstrap(n, meanOf, { samples: 2000, seed: 1 }, 'test')).toEqual(interval);
  expect(interval.undefinedSamples).toBe(0);
});

test('undefined replicates are counted and left out; none defined gives null', () => {
  let call = 0;
  const interval = percentileBootstrap(3, () => (call++ % 2 === 0 ? null : 1), { samples: 10, seed: 3 }, 'test')!;
  expect(interval).toMatchObject({ lower: 1, upper: 1, undefinedSamples: 5 });
  expect(percentileBootstrap(3, () => null, { samples: 10, seed: 3 }, 'test')).toBeNull();
});

test('bad options are typed errors naming the option', () => {
  expect(() => percentileBootstrap(3, () => 1, { samples: 1, seed: 3 }, 'x')).toThrow(/options\.bootstrap\.samples/);
  expect(() => percentileBootstrap(3, () => 1, { samples: 10, seed: 0.5 }, 'x')).toThrow(StatsInputError);
  expect(() => percentileBootstrap(3, () => 1, { samples: 10, seed: 1, confidence: 1 }, 'x')).toThrow(StatsInputError);
});
