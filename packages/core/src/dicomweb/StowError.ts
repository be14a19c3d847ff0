import { describeStowError } from './describeStowError';
import type { StowReason } from './stowReasons';
import type { StowInstanceFailure } from './StowResult';

/**
 * Why a STOW-RS request failed as a whole:
 * - `refused`: the PACS read the request and stored none of it (409 Conflict, PS3.18 10.5.3; or a
 *   2xx answer that lists every instance as failed);
 * - `bad-request` 400, `unauthorized` 401, `forbidden` 403, `not-found` 404 (no STOW-RS at that
 *   URL), `payload-too-large` 413, `unsupported-media-type` 415: not retried;
 * - `reauthentication-required`: a 401 step-up challenge (RFC 9470): the gateway signs only after
 *   a fresh sign-in, and nothing was stored;
 * - `network` (no answer) and `server` (5xx, 408, 429): retried, and still failing after the last
 *   attempt — or the PACS asked (Retry-After) to wait longer than the client may;
 * - `unexpected`: any other status.
 */
export type StowErrorKind =
  | 'refused'
  | 'bad-request'
  | 'unauthorized'
  | 'reauthentication-required'
  | 'forbidden'
  | 'not-found'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'network'
  | 'server'
  | 'unexpected';

export interface StowErrorInit {
  kind: StowErrorKind;
  /** HTTP status of the last answer; null when no answer came (network). */
  status: number | null;
  /** Instances in the request. */
  total: number;
  /** Instances the PACS confirmed as stored even so (Orthanc stores the readable parts of a 400 request). */
  stored: string[];
  /** Every other instance, with the PACS's Failure Reason or NOT_LISTED. */
  failed: StowInstanceFailure[];
  attempts: number;
  /** The wait the PACS asked for (Retry-After) when it was longer than the client may wait. */
  retryAfterMs?: number;
  /** `reauthentication-required`: the longest time since the user last entered their credentials that the server accepts. */
  maxAuthAgeSeconds?: number;
  cause?: unknown;
}

/** A STOW-RS request the PACS refused in whole, or could not be asked; the message is one plain sentence for the UI. */
export class StowError extends Error {
  readonly kind: StowErrorKind;
  readonly status: number | null;
  readonly total: number;
  readonly stored: string[];
  readonly failed: StowInstanceFailure[];
  /** SOP Instance UIDs not stored, in request order. */
  readonly failedSops: string[];
  /** The distinct Failure Reasons of `failed`. */
  readonly reasons: StowReason[];
  readonly attempts: number;
  readonly retryAfterMs?: number;
  readonly maxAuthAgeSeconds?: number;
  /** Whether sending the same instances again later may succeed (an outbox keeps them pending). */
  readonly retryable: boolean;

  constructor(init: StowErrorInit) {
    super(describeStowError(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.name = 'StowError';
    this.kind = init.kind;
    this.status = init.status;
    this.total = init.total;
    this.stored = init.stored;
    this.failed = init.failed;
    this.failedSops = init.failed.map((failure) => failure.sopInstanceUID);
    this.reasons = distinctReasons(init.failed);
    this.attempts = init.attempts;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.maxAuthAgeSeconds !== undefined) this.maxAuthAgeSeconds = init.maxAuthAgeSeconds;
    this.retryable =
      init.kind === 'network' || init.kind === 'server' || (init.kind === 'refused' && init.failed.every((failure) => failure.failureReason.transient));
  }
}

function distinctReasons(failed: readonly StowInstanceFailure[]): StowReason[] {
  const byCode = new Map<number | null, StowReason>();
  for (const { failureReason } of failed) if (!byCode.has(failureReason.code)) byCode.set(failureReason.code, failureReason);
  return [...byCode.values()];
}
