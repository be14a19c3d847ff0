import { retryAfterMs } from './retryAfter';

// Why: a 503 or 429 may say how long to wait (RFC 9110 10.2.3); retrying sooner only adds load.
const NOW = Date.parse('2025-03-01T12:00:00Z');

test.each([
  [null, undefined],
  ['0', 0],
  ['7', 7000],
  [' 120 ', 120_000],
  ['Sat, 01 Mar 2025 12:00:30 GMT', 30_000],
  ['Sat, 01 Mar 2025 11:59:00 GMT', 0],
  ['-5', undefined],
  ['soon', undefined],
])('Retry-After %p waits %p ms', (value, expected) => {
  expect(retryAfterMs(value, NOW)).toBe(expected);
});
