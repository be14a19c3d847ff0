import { UsageError } from './usageError';

/** The message of the error of class `type` that `parse` throws; fails the test when it throws none, or something else. */
export function errorMessageOf(parse: () => unknown, type: new (...args: never[]) => Error): string {
  try {
    parse();
  } catch (error) {
    if (error instanceof type) return error.message;
    throw error;
  }
  throw new Error(`no ${type.name}`);
}

/** The message of the UsageError `parse` throws. */
export const usageErrorOf = (parse: () => unknown): string => errorMessageOf(parse, UsageError);
