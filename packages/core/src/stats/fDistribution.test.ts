import { fCdf, fQuantile, fSurvival } from './fDistribution';
import { inverseRegularizedIncompleteBeta, regularizedIncompleteBeta } from './incompleteBeta';
import { logGamma } from './logGamma';
import { StatsInputError } from './StatsInputError';
import { tCriticalValue } from './studentT';

// Why: the ICC and Bland–Altman intervals stand on these quantiles. Reference values from printed
// F and t tables (to their 4 decimals) and, to more digits, scipy.stats (Cephes), an independent
// implementation.

test.each([
  [0.5, 0.5723649429247001], // ln √π
  [1, 0],
  [10, 12.801827480081469], // ln 9!
  [100.5, 361.43554046777757],
  [0.001, 6.907178885383853],
])('ln Γ(%p) = %p', (x, expected) => {
  expect(logGamma(x)).toBeCloseTo(expected, 10);
});

test.each([
  [0.4, 2, 3, 0.5248], // exact: a polynomial in x
  [0.1, 0.5, 0.5, 0.20483276469913345], // (2/π) asin √0.1
  [0.3, 100, 200, 0.10884306564490986],
  [0.99, 5, 0.7, 0.8697562995060552],
])('I_%p(%p, %p) = %p, and the inverse gives x back', (x, a, b, expected) => {
  expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(expected, 12);
  expect(inverseRegularizedIncompleteBeta(expected, a, b)).toBeCloseTo(x, 12);
});

test.each([
  // p, d1, d2, quantile
  [0.975, 5, 15, 3.5764153492790607], // tables: 3.576
  [0.975, 5, 20, 3.289055845680407], // tables: 3.289
  [0.95, 1, 10, 4.964602743730711], // tables: 4.965
  [0.975, 2.5, 7.3, 6.000258449760683], // non-integer df, as in the ICC(A,1) interval
  [0.01, 3, 40, 0.03786328015588789], // lower tail
  [0.999, 1, 1, 405284.0679028482], // far upper tail, x close to 1
  [0.5, 200, 300, 0.9988876528421805], // large df
])('F quantile: F(%p; %p, %p) = %p, and the cdf and survival agree', (p, d1, d2, quantile) => {
  const f = fQuantile(p, d1, d2);
  expect(f / quantile).toBeCloseTo(1, 11);
  expect(fCdf(f, d1, d2)).toBeCloseTo(p, 12);
  expect(fSurvival(f, d1, d2)).toBeCloseTo(1 - p, 12);
});

test.each([
  [0.95, 4, 2.7764451051977934],
  [0.95, 10, 2.228138851986274],
  [0.99, 1, 63.656741162871526],
])('two-sided t: t(%p; df %p) = %p', (confidence, df, t) => {
  expect(tCriticalValue(confidence, df)).toBeCloseTo(t, 10);
});

test('out-of-range arguments are typed errors', () => {
  expect(() => fQuantile(1, 2, 3)).toThrow(StatsInputError);
  expect(() => fQuantile(0.5, 0, 3)).toThrow(StatsInputError);
  expect(() => regularizedIncompleteBeta(1.5, 2, 3)).toThrow(StatsInputError);
  expect(() => tCriticalValue(0.95, Number.NaN)).toThrow(StatsInputError);
});
