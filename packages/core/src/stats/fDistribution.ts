import { inverseRegularizedIncompleteBeta, regularizedIncompleteBeta } from './incompleteBeta';
import { StatsInputError } from './StatsInputError';

// The F distribution through the incomplete beta function (Abramowitz & Stegun 26.6.2):
// P(F ≤ f; d1, d2) = I_x(d1/2, d2/2) with x = d1 f / (d1 f + d2). Degrees of freedom need not be
// integers (McGraw & Wong's ICC(A,1) interval uses a Satterthwaite df).

function checkDf(d1: number, d2: number): void {
  if (!(d1 > 0 && Number.isFinite(d1))) throw new StatsInputError('d1', `must be a positive finite number, got ${d1}`);
  if (!(d2 > 0 && Number.isFinite(d2))) throw new StatsInputError('d2', `must be a positive finite number, got ${d2}`);
}

/** P(F ≤ f) for F ~ F(d1, d2). */
export function fCdf(f: number, d1: number, d2: number): number {
  checkDf(d1, d2);
  if (f <= 0) return 0;
  if (f === Infinity) return 1;
  return regularizedIncompleteBeta((d1 * f) / (d1 * f + d2), d1 / 2, d2 / 2);
}

/** P(F > f), computed directly in the upper tail (no 1 − cdf cancellation for small p-values). */
export function fSurvival(f: number, d1: number, d2: number): number {
  checkDf(d1, d2);
  if (f <= 0) return 1;
  if (f === Infinity) return 0;
  return regularizedIncompleteBeta(d2 / (d2 + d1 * f), d2 / 2, d1 / 2);
}

/** The p-quantile of F(d1, d2), p in (0, 1). */
export function fQuantile(p: number, d1: number, d2: number): number {
  checkDf(d1, d2);
  if (!(p > 0 && p < 1)) throw new StatsInputError('p', `must be in (0, 1), got ${p}`);
  const x = inverseRegularizedIncompleteBeta(p, d1 / 2, d2 / 2);
  if (x <= 0.5) return (d2 * x) / (d1 * (1 - x));
  // Near x = 1, 1 − x loses digits: solve for y = 1 − x in the mirrored distribution instead.
  const y = inverseRegularizedIncompleteBeta(1 - p, d2 / 2, d1 / 2);
  return (d2 * (1 - y)) / (d1 * y);
}
