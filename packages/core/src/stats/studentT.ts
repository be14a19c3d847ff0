import { fQuantile } from './fDistribution';
import { StatsInputError } from './StatsInputError';

/**
 * The two-sided critical value of Student's t with `df` degrees of freedom: t such that
 * P(|T| ≤ t) = confidence. Uses T² ~ F(1, df), so t = √F_{confidence}(1, df).
 */
export function tCriticalValue(confidence: number, df: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new StatsInputError('confidence', `must be in (0, 1), got ${confidence}`);
  return Math.sqrt(fQuantile(confidence, 1, df));
}
