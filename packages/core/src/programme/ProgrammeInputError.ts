/**
 * Programme-level input a statistic cannot be computed from, named by its argument path (e.g.
 * `observations[3].date`, `options.baselinePoints`). Thrown before anything is computed.
 */
export class ProgrammeInputError extends Error {
  readonly argument: string;
  readonly reason: string;

  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason}`);
    this.name = 'ProgrammeInputError';
    this.argument = argument;
    this.reason = reason;
  }
}
