import { checkConfidence, checkMatrix } from './checkInput';
import type { Interval } from './Interval';
import { fisherZInterval } from './fisherZInterval';
import { StatsInputError } from './StatsInputError';

const { sqrt, max } = Math;

export interface CohensKappa {
  /** κ = (p_o − p_e) / (1 − p_e); null when p_e = 1 (both raters used one and the same category only). */
  kappa: number | null;
  /** Why κ is null, in words (e.g. for a table row); absent when κ is defined. */
  reason?: string;
  /** p_o, the proportion of subjects on the diagonal. */
  observedAgreement: number;
  /** p_e = Σ p_i. p_.i, the agreement expected from the marginals. */
  expectedAgreement: number;
  /** Subjects (the table's total). */
  subjects: number;
  /** Large-sample SE of κ̂ under the alternative (Fleiss, Cohen & Everitt 1969): the one for intervals. */
  standardError: number | null;
  /** SE of κ̂ under H0: κ = 0 (Fleiss, Cohen & Everitt 1969): the one for the z test. */
  standardErrorNull: number | null;
  /** z = κ̂ / SE₀ for H0: κ = 0. */
  z: number | null;
  /**
   * Wald interval on Fisher's z scale, tanh(atanh κ̂ ∓ z_{(1+c)/2} · SE / (1 − κ̂²)) (the SE under the
   * alternative): always inside [−1, 1], unlike κ̂ ± z · SE on small samples (fisherZInterval).
   */
  interval: Interval | null;
}

/**
 * Cohen's kappa (Cohen 1960) for two raters from their k×k confusion table: rows are rater A's
 * category, columns rater B's, cells counts of subjects. Standard errors of Fleiss, Cohen & Everitt
 * (1969), "Large sample standard errors of kappa and weighted kappa", Psychol. Bull. 72:323–327 (as in
 * Fleiss, Levin & Paik, "Statistical Methods for Rates and Proportions", 3rd ed., ch. 18).
 */
export function cohensKappa(table: readonly (readonly number[])[], options: { confidence?: number } = {}): CohensKappa {
  const k = checkMatrix(table, 'table', 1, 1);
  if (table.length !== k) throw new StatsInputError('table', `must be square (k×k), got ${table.length}×${k}`);
  const confidence = checkConfidence(options.confidence, 'options.confidence');
  let n = 0;
  table.forEach((row, i) =>
    row.forEach((count, j) => {
      if (count < 0) throw new StatsInputError(`table[${i}][${j}]`, `a count cannot be negative, got ${count}`);
      n += count;
    }),
  );
  if (n === 0) throw new StatsInputError('table', 'holds no subjects');

  const p = table.map((row) => row.map((count) => count / n));
  let agreeing = 0;
  for (let i = 0; i < k; i++) agreeing += table[i][i];
  const rowMarginal = p.map((row) => row.reduce((a, b) => a + b, 0));
  const columnMarginal = p[0].map((_, j) => p.reduce((a, row) => a + row[j], 0));
  // From the counts, so that perfect agreement is p_o = 1 exactly (and κ = 1 exactly, not 1 − 1e-16).
  const observed = agreeing / n;
  let expected = 0;
  for (let i = 0; i < k; i++) expected += rowMarginal[i] * columnMarginal[i];
  const base = { observedAgreement: observed, expectedAgreement: expected, subjects: n };
  if (expected >= 1) {
    const only = rowMarginal.findIndex((marginal) => marginal > 0);
    return { ...base, kappa: null, reason: oneCategoryReason(n, `category ${only + 1} of ${k}`), standardError: null, standardErrorNull: null, z: null, interval: null };
  }
  const kappa = (observed - expected) / (1 - expected);

  // Variance under the alternative (FCE 1969):
  // [Σ_i p_ii (1 − (p_i. + p_.i)(1 − κ))² + (1 − κ)² Σ_{i≠j} p_ij (p_.i + p_j.)² − (κ − p_e(1 − κ))²] / (n (1 − p_e)²)
  let diagonal = 0;
  let offDiagonal = 0;
  let nullSum = 0;
  for (let i = 0; i < k; i++) {
    diagonal += p[i][i] * (1 - (rowMarginal[i] + columnMarginal[i]) * (1 - kappa)) ** 2;
    for (let j = 0; j < k; j++) if (i !== j) offDiagonal += p[i][j] * (columnMarginal[i] + rowMarginal[j]) ** 2;
    nullSum += rowMarginal[i] * columnMarginal[i] * (rowMarginal[i] + columnMarginal[i]);
  }
  const scale = n * (1 - expected) ** 2;
  // max(0, …) guards rounding at perfect agreement, where the variance is exactly 0.
  const variance = max(0, (diagonal + (1 - kappa) ** 2 * offDiagonal - (kappa - expected * (1 - kappa)) ** 2) / scale);
  // Variance under H0 (FCE 1969): [p_e + p_e² − Σ_i p_i. p_.i (p_i. + p_.i)] / (n (1 − p_e)²)
  const varianceNull = max(0, (expected + expected * expected - nullSum) / scale);
  const standardError = sqrt(variance);
  const standardErrorNull = sqrt(varianceNull);
  return {
    ...base,
    kappa,
    standardError,
    standardErrorNull,
    z: standardErrorNull > 0 ? kappa / standardErrorNull : null,
    interval: fisherZInterval(kappa, standardError, confidence, "Wald on Fisher's z = atanh κ (delta method), large-sample SE under the alternative (Fleiss, Cohen & Everitt 1969)"),
  };
}

/**
 * Why κ is undefined when p_e = 1: both raters put every subject in the one category, so chance
 * alone predicts all the agreement there is and κ = (p_o − p_e) / (1 − p_e) is 0 / 0.
 */
export function oneCategoryReason(subjects: number, category: string): string {
  return `both raters put all ${subjects} subject${subjects === 1 ? '' : 's'} in ${category}: with no variation, chance agreement is total (p_e = 1) and κ = (p_o − p_e) / (1 − p_e) is 0/0`;
}
