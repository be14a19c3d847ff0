import { StowError, stowInstances as stowWithRetries, type FetchLike, type StowResult } from '@segqc/core';

/** One attempt may take this long (a 40-slice CT batch to a local Orthanc takes well under a second). */
const ATTEMPT_TIMEOUT_MS = 120_000;

/** Node's fetch with a per-attempt timeout: a hung connection becomes a network error, which is retried. */
const fetchWithTimeout: FetchLike = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });

/**
 * Stores Part 10 instances with one STOW-RS request to {dicomwebUrl}/studies through the core
 * client (retries, idempotent by SOP Instance UID), sending `headers` (e.g. Authorization) on
 * every attempt. All or nothing for its callers: a partial answer (202 with failures) throws a
 * StowError too, listing what was stored and what was not.
 */
export async function stowInstances(dicomwebUrl: string, instances: Uint8Array[], headers: Record<string, string> = {}): Promise<StowResult> {
  const result = await stowWithRetries(instances, { url: dicomwebUrl, headers: () => headers, fetch: fetchWithTimeout });
  if (result.failed.length > 0) {
    throw new StowError({ kind: 'refused', status: result.status, total: instances.length, stored: result.stored, failed: result.failed, attempts: result.attempts });
  }
  return result;
}

export { StowError };
