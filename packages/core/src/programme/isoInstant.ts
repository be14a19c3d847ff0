import { ProgrammeInputError } from './ProgrammeInputError';

// ISO 8601 calendar date, optionally with a time and an offset: 2024-03-04, 2024-03-04T09:10,
// 2024-03-04T09:10:00.5Z, 2024-03-04T09:10:00+01:00.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Milliseconds since 1970-01-01T00:00Z of an ISO 8601 date or date-time. A time without an offset is
 * read as UTC (not as the clock's local time), so that ordering never depends on where the code runs:
 * give offsets when observations come from several time zones. Throws ProgrammeInputError naming
 * `argument` for anything else (including impossible dates such as 2024-02-30).
 */
export function isoInstant(value: string, argument: string): number {
  const match = typeof value === 'string' ? ISO.exec(value) : null;
  if (!match) throw new ProgrammeInputError(argument, `must be an ISO 8601 date or date-time (e.g. 2024-03-04 or 2024-03-04T09:10:00Z), got ${JSON.stringify(value)}`);
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) {
    throw new ProgrammeInputError(argument, `${JSON.stringify(value)} is not a valid date-time`);
  }
  if (!offset || offset === 'Z') return utc;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
  return utc - sign * offsetMinutes * 60_000;
}
