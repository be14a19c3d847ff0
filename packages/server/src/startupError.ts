/**
 * A problem the user can fix (a missing system package, a port in use, an unreachable PACS).
 * `npm start` prints its message as one line and exits non-zero, without a stack trace.
 */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
