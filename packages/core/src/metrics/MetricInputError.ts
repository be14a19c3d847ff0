/**
 * An input an agreement metric cannot be computed from, named by the input: masks on different
 * grids (`b.grid`), a spacing that is not a positive finite number (`grid.spacing[2]`), a negative
 * tolerance (`tolerancesMm[1]`), a percentile outside [0, 100]. Thrown before any work is done.
 */
export class MetricInputError extends Error {
  readonly input: string;
  readonly reason: string;

  constructor(input: string, reason: string) {
    super(`${input}: ${reason}`);
    this.name = 'MetricInputError';
    this.input = input;
    this.reason = reason;
  }
}
