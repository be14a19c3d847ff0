/**
 * Input a statistic cannot be computed from, named by the argument path (e.g. `table[2][1]`,
 * `ratings[0]`, `options.bootstrap.samples`). Thrown before anything is computed.
 */
export class StatsInputError extends Error {
  readonly argument: string;
  readonly reason: string;

  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason}`);
    this.name = 'StatsInputError';
    this.argument = argument;
    this.reason = reason;
  }
}
