import { type BootstrapInterval, type BootstrapOptions, percentileBootstrap } from './percentileBootstrap';
import { StatsInputError } from './StatsInputError';

export type KrippendorffLevel = 'nominal' | 'interval';

export interface KrippendorffAlpha {
  /** α = 1 − D_o / D_e; null when D_e = 0 (all pairable values equal: no variation to be reliable about). */
  alpha: number | null;
  level: KrippendorffLevel;
  /** D_o = Σ_ck o_ck δ²_ck / n. */
  observedDisagreement: number;
  /** D_e = Σ_ck n_c n_k δ²_ck / (n (n − 1)). */
  expectedDisagreement: number;
  /** n, the pairable values (values in units with at least 2 of them). */
  pairableValues: number;
  /** Units with at least 2 values, the ones α uses. */
  units: number;
  /** Units with fewer than 2 values, dropped as the paper prescribes. */
  unitsDropped: number;
  /** Percentile bootstrap over units, when options.bootstrap is given. */
  bootstrap?: BootstrapInterval | null;
}

export interface KrippendorffAlphaOptions {
  bootstrap?: BootstrapOptions;
}

/** One pairable unit's share of the coincidence matrix, enough to recompute α on any multiset of units. */
interface UnitSummary {
  values: number;
  /** Σ_ck o_ck(u) δ²_ck: the unit's ordered pairs of values weighted by δ², divided by m_u − 1. */
  disagreement: number;
  /** nominal: category index → count in the unit. */
  categoryCounts?: Map<number, number>;
  /** interval: the unit's mean and Σ (v − mean)². */
  mean?: number;
  sumOfSquares?: number;
}

function summarise(values: number[], level: KrippendorffLevel, categoryIndex: Map<number, number>): UnitSummary {
  const m = values.length;
  if (level === 'nominal') {
    const categoryCounts = new Map<number, number>();
    for (const v of values) {
      let c = categoryIndex.get(v);
      if (c === undefined) categoryIndex.set(v, (c = categoryIndex.size));
      categoryCounts.set(c, (categoryCounts.get(c) ?? 0) + 1);
    }
    // ordered pairs of different values: m² − Σ_c n_uc²
    let same = 0;
    for (const count of categoryCounts.values()) same += count * count;
    return { values: m, disagreement: (m * m - same) / (m - 1), categoryCounts };
  }
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / m;
  let sumOfSquares = 0;
  for (const v of values) sumOfSquares += (v - mean) ** 2;
  // Σ over ordered pairs (v_i − v_j)² = 2 m Σ (v − mean)²
  return { values: m, disagreement: (2 * m * sumOfSquares) / (m - 1), mean, sumOfSquares };
}

interface Disagreements {
  alpha: number | null;
  observed: number;
  expected: number;
  n: number;
}

function disagreements(units: readonly UnitSummary[], level: KrippendorffLevel, categories: number, sample?: ArrayLike<number>): Disagreements {
  const count = sample ? sample.length : units.length;
  let n = 0;
  let observedSum = 0;
  let expectedSum: number; // Σ_ck n_c n_k δ²_ck
  if (level === 'nominal') {
    const totals = new Float64Array(categories);
    for (let s = 0; s < count; s++) {
      const unit = units[sample ? sample[s] : s];
      n += unit.values;
      observedSum += unit.disagreement;
      for (const [c, k] of unit.categoryCounts!) totals[c] += k;
    }
    let same = 0;
    for (let c = 0; c < categories; c++) same += totals[c] * totals[c];
    expectedSum = n * n - same;
  } else {
    let weightedMean = 0;
    for (let s = 0; s < count; s++) {
      const unit = units[sample ? sample[s] : s];
      n += unit.values;
      observedSum += unit.disagreement;
      weightedMean += unit.values * unit.mean!;
    }
    const grand = weightedMean / n;
    // total Σ (v − grand)² = within-unit + between-unit parts (no cancellation for large values)
    let total = 0;
    for (let s = 0; s < count; s++) {
      const unit = units[sample ? sample[s] : s];
      total += unit.sumOfSquares! + unit.values * (unit.mean! - grand) ** 2;
    }
    expectedSum = 2 * n * total;
  }
  const observed = observedSum / n;
  const expected = expectedSum / (n * (n - 1));
  return { alpha: expected > 0 ? 1 - observed / expected : null, observed, expected, n };
}

/**
 * Krippendorff's alpha for observers × units reliability data (ratings[observer][unit], null =
 * missing), by the coincidence-matrix computation of Krippendorff (2011), "Computing Krippendorff's
 * Alpha-Reliability", Univ. of Pennsylvania: coincidences o_ck = Σ_u (pairs c–k in unit u) / (m_u − 1),
 * nominal metric δ²_ck = [c ≠ k], interval metric δ²_ck = (c − k)². Units with fewer than 2 values are
 * not pairable and are dropped.
 *
 * The optional bootstrap resamples pairable units with replacement (Efron & Tibshirani 1993) and
 * recomputes α, D_o and D_e on each resample — not Hayes & Krippendorff's (2007) KALPHA scheme, which
 * resamples pairs of values against a fixed D_e and is known to understate the variability of α
 * (Gwet 2015; Hughes 2021, arXiv:2210.13265).
 */
export function krippendorffAlpha(
  ratings: readonly (readonly (number | null)[])[],
  level: KrippendorffLevel,
  options: KrippendorffAlphaOptions = {},
): KrippendorffAlpha {
  if (level !== 'nominal' && level !== 'interval') throw new StatsInputError('level', `must be 'nominal' or 'interval', got ${String(level)}`);
  if (!Array.isArray(ratings) || ratings.length < 2) throw new StatsInputError('ratings', `needs at least 2 observers (rows), got ${Array.isArray(ratings) ? ratings.length : typeof ratings}`);
  const unitCount = ratings[0].length;
  ratings.forEach((row, o) => {
    if (!Array.isArray(row) || row.length !== unitCount) throw new StatsInputError(`ratings[${o}]`, `every observer needs a value or null for each of the ${unitCount} units`);
    row.forEach((value, u) => {
      if (value !== null && (typeof value !== 'number' || !Number.isFinite(value))) {
        throw new StatsInputError(`ratings[${o}][${u}]`, `must be a finite number or null (missing), got ${String(value)}`);
      }
    });
  });

  const categoryIndex = new Map<number, number>();
  const units: UnitSummary[] = [];
  for (let u = 0; u < unitCount; u++) {
    const values: number[] = [];
    for (const row of ratings) if (row[u] !== null) values.push(row[u] as number);
    if (values.length >= 2) units.push(summarise(values, level, categoryIndex));
  }
  if (units.length === 0) throw new StatsInputError('ratings', 'no unit has 2 or more values: nothing is pairable');

  const result = disagreements(units, level, categoryIndex.size);
  const summary: KrippendorffAlpha = {
    alpha: result.alpha,
    level,
    observedDisagreement: result.observed,
    expectedDisagreement: result.expected,
    pairableValues: result.n,
    units: units.length,
    unitsDropped: unitCount - units.length,
  };
  if (options.bootstrap) {
    summary.bootstrap = percentileBootstrap(
      units.length,
      (sample) => disagreements(units, level, categoryIndex.size, sample).alpha,
      options.bootstrap,
      'percentile bootstrap, pairable units resampled with replacement (Efron & Tibshirani 1993)',
    );
  }
  return summary;
}
