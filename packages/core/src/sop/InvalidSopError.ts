import type { SopValidationError } from './SopValidationError';

/**
 * A SOP file that was refused, with every field that fails (never loaded half: loadSop returns
 * nothing for it). The message names the first failing path so a log line alone says where to look.
 */
export class InvalidSopError extends Error {
  readonly errors: readonly SopValidationError[];
  /** The file's `id` when it has a readable one, for the message. */
  readonly sopId: string | undefined;

  constructor(errors: readonly SopValidationError[], sopId?: string) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(`SOP ${sopId ?? '(no id)'} is invalid: ${first ? `${first.path}: ${first.reason}` : 'unknown reason'}${more}`);
    this.name = 'InvalidSopError';
    this.errors = Object.freeze([...errors]);
    this.sopId = sopId;
  }
}
