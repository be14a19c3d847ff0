import { logGamma } from '../stats/logGamma';

/**
 * c4(n) = √(2 / (n − 1)) · Γ(n / 2) / Γ((n − 1) / 2): E[s] = c4 σ for n normal observations, so s / c4
 * is the unbiased estimate of σ (Montgomery, "Introduction to Statistical Quality Control", 6th ed.,
 * §6.2 and Appendix Table VI: c4(4) = 0.9213, c4(5) = 0.9400). n ≥ 2.
 */
export function c4(n: number): number {
  return Math.sqrt(2 / (n - 1)) * Math.exp(logGamma(n / 2) - logGamma((n - 1) / 2));
}

/**
 * d2 for moving ranges of 2 consecutive observations, E[|x₂ − x₁|] = d2 σ with d2 = 2 / √π ≈ 1.128
 * (Montgomery, §6.4: σ̂ = MR̄ / d2 for individual observations).
 */
export const D2_MOVING_RANGE = 2 / Math.sqrt(Math.PI);
