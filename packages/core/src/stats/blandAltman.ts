import { checkConfidence, checkFinite } from './checkInput';
import type { Interval } from './Interval';
import { StatsInputError } from './StatsInputError';
import { tCriticalValue } from './studentT';

/** Bland & Altman's multiplier for the 95 % limits of agreement (they use 1.96, not 1.959964). */
const LIMIT_MULTIPLIER = 1.96;

export interface BlandAltman {
  pairs: number;
  /** Mean of the differences a − b. */
  bias: number;
  /** Sample SD of the differences (n − 1 in the denominator). */
  standardDeviation: number;
  /** bias − 1.96 SD and bias + 1.96 SD. */
  lowerLimit: number;
  upperLimit: number;
  multiplier: number;
  biasInterval: Interval;
  lowerLimitInterval: Interval;
  upperLimitInterval: Interval;
  /** Per pair: the mean (x axis of the plot) and the difference a − b (y axis). */
  points: { mean: number; difference: number }[];
}

/**
 * Bland–Altman agreement of paired measurements a[i], b[i] (e.g. the volumes two annotators drew):
 * bias, SD and 95 % limits of agreement bias ± 1.96 SD, with the t-based intervals of Bland & Altman
 * (1999), "Measuring agreement in method comparison studies", Stat. Methods Med. Res. 8:135–160:
 * SE(bias) = s/√n; SE(limit) = s √(1/n + 1.96²/(2(n − 1))) (≈ 1.71 s/√n for large n).
 */
export function blandAltman(a: readonly number[], b: readonly number[], options: { confidence?: number } = {}): BlandAltman {
  if (a.length !== b.length) throw new StatsInputError('b', `needs one value per value of a (${a.length}), got ${b.length}`);
  if (a.length < 2) throw new StatsInputError('a', `needs at least 2 pairs, got ${a.length}`);
  const confidence = checkConfidence(options.confidence, 'options.confidence');
  const n = a.length;
  const points = a.map((x, i) => {
    checkFinite(x, `a[${i}]`);
    checkFinite(b[i], `b[${i}]`);
    return { mean: (x + b[i]) / 2, difference: x - b[i] };
  });
  const bias = points.reduce((sum, p) => sum + p.difference, 0) / n;
  const standardDeviation = Math.sqrt(points.reduce((sum, p) => sum + (p.difference - bias) ** 2, 0) / (n - 1));
  const lowerLimit = bias - LIMIT_MULTIPLIER * standardDeviation;
  const upperLimit = bias + LIMIT_MULTIPLIER * standardDeviation;

  const t = tCriticalValue(confidence, n - 1);
  const biasHalfWidth = (t * standardDeviation) / Math.sqrt(n);
  const limitHalfWidth = t * standardDeviation * Math.sqrt(1 / n + LIMIT_MULTIPLIER ** 2 / (2 * (n - 1)));
  const interval = (centre: number, halfWidth: number, what: string): Interval => ({
    lower: centre - halfWidth,
    upper: centre + halfWidth,
    confidence,
    method: `t on n − 1 df, ${what} (Bland & Altman 1999)`,
  });
  return {
    pairs: n,
    bias,
    standardDeviation,
    lowerLimit,
    upperLimit,
    multiplier: LIMIT_MULTIPLIER,
    biasInterval: interval(bias, biasHalfWidth, 'SE = s/√n'),
    lowerLimitInterval: interval(lowerLimit, limitHalfWidth, 'SE = s√(1/n + 1.96²/(2(n − 1)))'),
    upperLimitInterval: interval(upperLimit, limitHalfWidth, 'SE = s√(1/n + 1.96²/(2(n − 1)))'),
    points,
  };
}
