import type { Interval } from './Interval';
import { normalQuantile } from './normalQuantile';

/** estimate ± z·SE, z the standard normal quantile of (1 + confidence) / 2. */
export function waldInterval(estimate: number, standardError: number, confidence: number, method: string): Interval {
  const z = normalQuantile((1 + confidence) / 2);
  return { lower: estimate - z * standardError, upper: estimate + z * standardError, confidence, method };
}
