/**
 * An input a case review cannot be built from, named by its path: fewer than two annotations
 * (`annotations`), a repeated or empty annotation id (`annotations[2].id`), a reference method
 * that names no annotation (`method.index`). Thrown before any work is done.
 */
export class ReviewInputError extends Error {
  readonly input: string;
  readonly reason: string;

  constructor(input: string, reason: string) {
    super(`${input}: ${reason}`);
    this.name = 'ReviewInputError';
    this.input = input;
    this.reason = reason;
  }
}
