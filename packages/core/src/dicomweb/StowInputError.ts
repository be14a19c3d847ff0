/**
 * A STOW-RS request that cannot be sent as asked (no instances, a file that is not DICOM Part 10,
 * the same SOP Instance UID twice, a malformed option), named by the argument path
 * (`instances[3]`, `options.retry.attempts`). Thrown before any byte goes to the PACS.
 */
export class StowInputError extends Error {
  readonly argument: string;
  readonly reason: string;

  constructor(argument: string, reason: string) {
    super(`${argument}: ${reason}`);
    this.name = 'StowInputError';
    this.argument = argument;
    this.reason = reason;
  }
}
