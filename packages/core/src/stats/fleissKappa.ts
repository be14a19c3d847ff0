import { checkConfidence, checkMatrix } from './checkInput';
import type { Interval } from './Interval';
import { fisherZInterval } from './fisherZInterval';
import { type BootstrapInterval, type BootstrapOptions, percentileBootstrap } from './percentileBootstrap';
import { StatsInputError } from './StatsInputError';

const { sqrt } = Math;

export interface CategoryKappa {
  /** κ_j = 1 − Σ_i x_ij (n − x_ij) / (N n (n − 1) p_j q_j); null when nobody (or everybody) used category j. */
  kappa: number | null;
  /** SE under H0, √(2 / (N n (n − 1))) (the same for every category). */
  standardErrorNull: number;
  z: number | null;
}

export interface FleissKappa {
  /** κ = (P̄ − P̄e) / (1 − P̄e); null when P̄e = 1 (every rating in one category). */
  kappa: number | null;
  /** Why κ is null, in words (e.g. for a table row); absent when κ is defined. */
  reason?: string;
  /** P̄, the mean over subjects of the proportion of agreeing rater pairs. */
  meanObservedAgreement: number;
  /** P̄e = Σ_j p_j². */
  expectedAgreement: number;
  /** p_j, the share of all ratings in category j. */
  categoryProportions: number[];
  subjects: number;
  raters: number;
  /** SE under H0: κ = 0 (Fleiss, Nee & Landis 1979). */
  standardErrorNull: number | null;
  z: number | null;
  /**
   * Wald interval with SE₀ on Fisher's z scale, tanh(atanh κ̂ ∓ z · SE₀ / (1 − κ̂²)) (fisherZInterval):
   * always inside [−1, 1], where κ̂ ± z · SE₀ leaves it on small samples. SE₀ is exact only at κ = 0,
   * so away from 0 prefer `bootstrap`.
   */
  interval: Interval | null;
  /** Percentile bootstrap over subjects, when options.bootstrap is given. */
  bootstrap?: BootstrapInterval | null;
  categoryKappas: CategoryKappa[];
}

export interface FleissKappaOptions {
  confidence?: number;
  bootstrap?: BootstrapOptions;
}

function kappaOfRows(counts: readonly (readonly number[])[], rows: ArrayLike<number>, n: number, k: number): number | null {
  const totals = new Float64Array(k);
  let agreement = 0;
  for (let s = 0; s < rows.length; s++) {
    const row = counts[rows[s]];
    let squares = 0;
    for (let j = 0; j < k; j++) {
      squares += row[j] * row[j];
      totals[j] += row[j];
    }
    agreement += (squares - n) / (n * (n - 1));
  }
  const ratings = rows.length * n;
  let expected = 0;
  for (let j = 0; j < k; j++) expected += (totals[j] / ratings) ** 2;
  return expected >= 1 ? null : (agreement / rows.length - expected) / (1 - expected);
}

/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters", Psychol. Bull.
 * 76:378–382) from a subjects × categories table of counts: counts[i][j] raters put subject i in
 * category j; every row sums to the same number of raters n ≥ 2 (raters may differ between subjects).
 * Standard errors under H0 and the per-category kappas of Fleiss, Nee & Landis (1979), "Large sample
 * variance of kappa in the case of different sets of raters", Psychol. Bull. 86:974–977.
 */
export function fleissKappa(counts: readonly (readonly number[])[], options: FleissKappaOptions = {}): FleissKappa {
  const k = checkMatrix(counts, 'counts', 1, 1);
  const confidence = checkConfidence(options.confidence, 'options.confidence');
  const N = counts.length;
  let n = 0;
  counts.forEach((row, i) => {
    let sum = 0;
    row.forEach((count, j) => {
      if (count < 0 || !Number.isInteger(count)) throw new StatsInputError(`counts[${i}][${j}]`, `must be a count of raters (integer ≥ 0), got ${count}`);
      sum += count;
    });
    if (i === 0) n = sum;
    else if (sum !== n) throw new StatsInputError(`counts[${i}]`, `every subject needs the same number of raters (${n}, as subject 0), got ${sum}`);
  });
  if (n < 2) throw new StatsInputError('counts[0]', `needs at least 2 raters per subject, got ${n}`);

  const totals = new Array<number>(k).fill(0);
  let agreement = 0;
  for (const row of counts) {
    let squares = 0;
    row.forEach((count, j) => {
      squares += count * count;
      totals[j] += count;
    });
    agreement += (squares - n) / (n * (n - 1));
  }
  const meanObservedAgreement = agreement / N;
  const p = totals.map((total) => total / (N * n));
  const expectedAgreement = p.reduce((a, pj) => a + pj * pj, 0);
  const pairsScale = N * n * (n - 1);

  // FNL 1979: SE₀(κ_j) = √(2 / (N n (n − 1))).
  const categoryStandardError = sqrt(2 / pairsScale);
  const categoryKappas = p.map((pj, j): CategoryKappa => {
    const pq = pj * (1 - pj);
    if (pq === 0) return { kappa: null, standardErrorNull: categoryStandardError, z: null };
    let disagreement = 0;
    for (const row of counts) disagreement += row[j] * (n - row[j]);
    const kappa = 1 - disagreement / (pairsScale * pq);
    return { kappa, standardErrorNull: categoryStandardError, z: kappa / categoryStandardError };
  });

  const base = { meanObservedAgreement, expectedAgreement, categoryProportions: p, subjects: N, raters: n, categoryKappas };
  const bootstrap = options.bootstrap
    ? {
        bootstrap: percentileBootstrap(N, (rows) => kappaOfRows(counts, rows, n, k), options.bootstrap,
          'percentile bootstrap, subjects resampled with replacement (Efron & Tibshirani 1993)'),
      }
    : {};
  if (expectedAgreement >= 1) {
    const only = p.findIndex((pj) => pj > 0);
    return { ...base, kappa: null, reason: fleissOneCategoryReason(N, n, `category ${only + 1} of ${k}`), standardErrorNull: null, z: null, interval: null, ...bootstrap };
  }

  const kappa = (meanObservedAgreement - expectedAgreement) / (1 - expectedAgreement);
  // FNL 1979: SE₀(κ) = √2 / (Σ p_j q_j √(N n (n − 1))) · √((Σ p_j q_j)² − Σ p_j q_j (q_j − p_j))
  let sumPq = 0;
  let sumPqQminusP = 0;
  for (const pj of p) {
    const qj = 1 - pj;
    sumPq += pj * qj;
    sumPqQminusP += pj * qj * (qj - pj);
  }
  const standardErrorNull = (sqrt(2) / (sumPq * sqrt(pairsScale))) * sqrt(Math.max(0, sumPq * sumPq - sumPqQminusP));
  return {
    ...base,
    kappa,
    standardErrorNull,
    z: standardErrorNull > 0 ? kappa / standardErrorNull : null,
    interval: fisherZInterval(kappa, standardErrorNull, confidence, "Wald on Fisher's z = atanh κ (delta method) with the SE under H0 (Fleiss, Nee & Landis 1979); exact only near κ = 0"),
    ...bootstrap,
  };
}

/** Why Fleiss' κ is undefined when P̄e = 1: every rating of every subject is the one category. */
export function fleissOneCategoryReason(subjects: number, raters: number, category: string): string {
  return `all ${raters} raters put all ${subjects} subject${subjects === 1 ? '' : 's'} in ${category}: with no variation, chance agreement is total (P̄e = 1) and κ = (P̄ − P̄e) / (1 − P̄e) is 0/0`;
}
