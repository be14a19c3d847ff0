import { logGamma } from './logGamma';
import { StatsInputError } from './StatsInputError';

const { abs, exp, log } = Math;

const EPSILON = 1e-16;
const TINY = 1e-300;
const MAX_TERMS = 10000;

/**
 * The continued fraction of I_x(a, b), evaluated by the modified Lentz method (Press et al.,
 * Numerical Recipes, 3rd ed., §6.4 `betacf`). Converges fast for x < (a + 1) / (a + b + 2).
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_TERMS; m++) {
    const m2 = 2 * m;
    // even step: d_{2m}
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    // odd step: d_{2m+1}
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (abs(delta - 1) < EPSILON) return h;
  }
  throw new StatsInputError('incompleteBeta', `continued fraction did not converge for x = ${x}, a = ${a}, b = ${b}`);
}

function checkShape(a: number, b: number): void {
  if (!(a > 0 && Number.isFinite(a))) throw new StatsInputError('a', `must be a positive finite number, got ${a}`);
  if (!(b > 0 && Number.isFinite(b))) throw new StatsInputError('b', `must be a positive finite number, got ${b}`);
}

/** ln B(a, b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), x in [0, 1], a, b > 0
 * (Numerical Recipes §6.4: the continued fraction on the side of the mean where it converges, the
 * symmetry I_x(a, b) = 1 − I_{1−x}(b, a) on the other).
 */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  checkShape(a, b);
  if (!(x >= 0 && x <= 1)) throw new StatsInputError('x', `must be in [0, 1], got ${x}`);
  if (x === 0) return 0;
  if (x === 1) return 1;
  const front = exp(a * log(x) + b * log(1 - x) - logBeta(a, b));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/**
 * The x with I_x(a, b) = p: Newton's method on I_x − p (derivative: the beta density), kept inside a
 * shrinking bisection bracket so it cannot diverge. Solves in the tail nearer to 0 (by the symmetry
 * above) so that small x keep their relative precision.
 */
export function inverseRegularizedIncompleteBeta(p: number, a: number, b: number): number {
  checkShape(a, b);
  if (!(p >= 0 && p <= 1)) throw new StatsInputError('p', `must be in [0, 1], got ${p}`);
  if (p === 0) return 0;
  if (p === 1) return 1;
  const logB = logBeta(a, b);
  let lo = 0;
  let hi = 1;
  let x = a / (a + b); // the mean: a start inside the bulk of the density
  for (let iteration = 0; iteration < 200; iteration++) {
    const error = regularizedIncompleteBeta(x, a, b) - p;
    if (error === 0) return x;
    if (error < 0) lo = x;
    else hi = x;
    const density = exp((a - 1) * log(x) + (b - 1) * log(1 - x) - logB);
    let next = x - error / density;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (abs(next - x) <= 1e-15 * next || hi - lo <= 1e-15 * lo) return next;
    x = next;
  }
  return x;
}
