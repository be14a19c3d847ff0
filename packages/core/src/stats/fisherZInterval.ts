import type { Interval } from './Interval';
import { normalQuantile } from './normalQuantile';

const { atanh, tanh } = Math;

/**
 * A Wald interval on Fisher's z scale, for an estimate that lives in [−1, 1] (a κ): z = atanh(κ̂)
 * = ½ ln((1 + κ̂) / (1 − κ̂)), SE(z) = SE(κ̂) / (1 − κ̂²) by the delta method, and the interval
 * tanh(z ∓ z_{(1+c)/2} · SE(z)) back on the κ scale. tanh maps every real number into (−1, 1), so
 * the limits cannot leave [−1, 1] however small the sample, and the interval is asymmetric where
 * κ̂ is near a bound, as κ's sampling distribution is. (Fisher 1915, Biometrika 10:507–521, for
 * the transformation; the same interval as a Wald interval on logit((1 + κ) / 2), which is 2z.)
 *
 * At |κ̂| = 1 the transform is infinite and the interval is the point κ̂ (where the
 * Fleiss–Cohen–Everitt SE of Cohen's κ is 0 anyway); `method` then says so. For a range that
 * accounts for small samples there, use a bootstrap.
 */
export function fisherZInterval(estimate: number, standardError: number, confidence: number, method: string): Interval {
  const q = normalQuantile((1 + confidence) / 2);
  if (Math.abs(estimate) >= 1) {
    const bound = Math.sign(estimate);
    return { lower: bound, upper: bound, confidence, method: `${method}; at κ̂ = ${bound} Fisher's z is infinite, so the interval is the point` };
  }
  const z = atanh(estimate);
  const zStandardError = standardError / (1 - estimate * estimate);
  return { lower: tanh(z - q * zStandardError), upper: tanh(z + q * zStandardError), confidence, method };
}
