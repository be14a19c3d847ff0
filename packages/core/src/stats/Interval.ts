/**
 * A confidence interval for an estimate. `method` says how it was computed (e.g. "Wald, large-sample
 * SE (Fleiss, Cohen & Everitt 1969)"), so every convention choice is visible in the output.
 */
export interface Interval {
  lower: number;
  upper: number;
  /** Nominal coverage, e.g. 0.95. */
  confidence: number;
  method: string;
}
