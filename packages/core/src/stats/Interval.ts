/**
 * A confidence interval for an estimate. `method` says how it was computed (e.g. "Wald on Fisher's z
 * = atanh κ (delta method), large-sample SE under the alternative (Fleiss, Cohen & Everitt 1969)"),
 * so every convention choice is visible in the output. Its limits lie within the estimate's range
 * (κ and α within [−1, 1]): a method that could leave it is computed on a scale that cannot.
 */
export interface Interval {
  lower: number;
  upper: number;
  /** Nominal coverage, e.g. 0.95. */
  confidence: number;
  method: string;
}
