/** How often and how patiently a request is retried on network errors and 5xx/408/429 answers. */
export interface RetryPolicy {
  /** Requests in all, the first included (≥ 1). */
  attempts: number;
  /** Ceiling of the first wait; it doubles with each retry. */
  baseDelayMs: number;
  /** No wait is longer; a Retry-After beyond it ends the retries (the caller's outbox waits instead). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000 };

/**
 * The wait before retry number `retry` (1 for the first): exponential backoff with "equal jitter"
 * (AWS Architecture Blog, "Exponential Backoff and Jitter", 2015) — half of the capped ceiling
 * base·2^(retry−1) plus a random share of the other half — so that clients that failed together
 * do not retry together, and no wait drops to zero. `random` gives values in [0, 1).
 */
export function retryBackoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
