/**
 * Masks a consensus cannot be built from (none, on different grids, too many raters for STAPLE's
 * pattern codes), named by the argument path (e.g. `masks[2]`, `options.region`).
 */
export class ConsensusInputError extends Error {
  readonly argument: string;
  readonly reason: string;

  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason}`);
    this.name = 'ConsensusInputError';
    this.argument = argument;
    this.reason = reason;
  }
}
