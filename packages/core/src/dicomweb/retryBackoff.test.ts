import { retryBackoffMs, DEFAULT_RETRY } from './retryBackoff';

// Why: equal jitter keeps each wait in [ceiling/2, ceiling] with ceiling = base·2^(retry−1) capped
// at the maximum, so clients that failed together spread out and no wait collapses to zero.
const policy = { attempts: 10, baseDelayMs: 200, maxDelayMs: 5000 };

test.each([
  [1, 0, 100],
  [1, 0.999999, 200],
  [2, 0.5, 300],
  [3, 0, 400],
  [5, 0.5, 2400],
  [6, 0, 2500],
  [9, 0.999999, 5000],
])('retry %i with random %f waits %i ms', (retry, random, expected) => {
  expect(retryBackoffMs(retry, policy, () => random)).toBe(expected);
});

test('the defaults: 5 attempts, 0.5 s doubling to at most 30 s', () => {
  expect(DEFAULT_RETRY).toEqual({ attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 });
});
