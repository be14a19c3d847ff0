import { UsageError } from './usageError';

/** The message of the UsageError `parse` throws; fails the test when it throws none, or something else. */
export function usageErrorOf(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('no UsageError');
}
