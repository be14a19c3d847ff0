const { log, PI } = Math;

// Lanczos approximation with g = 7, n = 9 (Lanczos 1964; coefficients of Godfrey, as in Press et al.,
// Numerical Recipes, 3rd ed., §6.1). Relative accuracy about 1e-15 for x > 0.
const G = 7;
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * log(2 * PI);

/** ln Γ(x) for x > 0. */
export function logGamma(x: number): number {
  // Γ(x) = Γ(x + 1) / x keeps the series in its accurate range (x ≥ 0.5).
  if (x < 0.5) return logGamma(x + 1) - log(x);
  const z = x - 1;
  let sum = COEFFICIENTS[0];
  for (let i = 1; i < COEFFICIENTS.length; i++) sum += COEFFICIENTS[i] / (z + i);
  const t = z + G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * log(t) - t + log(sum);
}
