import { checkUid } from '../dicom/vrChecks';
import { DicomValueError } from '../dicom/DicomValueError';
import type { FetchLike, FetchLikeResponse } from './FetchLike';
import { multipartRelatedBody, randomBoundary } from './multipartRelated';
import { parseStowResponse } from './parseStowResponse';
import { readPart10Identity, type Part10Identity } from './part10Identity';
import { retryAfterMs } from './retryAfter';
import { DEFAULT_RETRY, retryBackoffMs, type RetryPolicy } from './retryBackoff';
import { sleep as defaultSleep } from './sleep';
import { StowError, type StowErrorKind } from './StowError';
import { StowInputError } from './StowInputError';
import { NOT_LISTED } from './stowReasons';
import type { StowResult } from './StowResult';
import { stepUpChallenge, type StepUpChallenge } from './stepUpChallenge';

/** Auth headers for one request, e.g. `{ Authorization: 'Bearer …' }`; asked again before every attempt. */
export type StowHeaders = () => Record<string, string> | undefined | Promise<Record<string, string> | undefined>;

export interface StowRetry {
  /** The attempt that failed (1 for the first request). */
  attempt: number;
  /** The wait before the next attempt. */
  delayMs: number;
  /** Status of the failed attempt; null when no answer came. */
  status: number | null;
  retryAfterMs?: number;
}

export interface StowOptions {
  /** DICOMweb root, e.g. `https://pacs.example.org/dicom-web`; the request goes to {url}/studies[/{study}]. */
  url: string;
  /** Stores into this study only (PS3.18 10.5.1); the PACS refuses instances of another study. */
  studyInstanceUID?: string;
  /** The user's auth headers: OHIF's userAuthenticationService in the viewer, a bearer token in the CLI. */
  headers?: StowHeaders;
  fetch: FetchLike;
  retry?: Partial<RetryPolicy>;
  /** Waits between attempts; injected by tests. */
  sleep?: (ms: number) => Promise<void>;
  /** Uniform in [0, 1): the backoff jitter and the multipart boundary. Default Math.random. */
  random?: () => number;
  /** Milliseconds since the epoch, for Retry-After dates. Default Date.now. */
  now?: () => number;
  /** Told before each wait, e.g. for "retrying in 4 s" in a panel. */
  onRetry?: (retry: StowRetry) => void;
}

const ERROR_KIND_BY_STATUS: Record<number, StowErrorKind> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'refused',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
};

/** 408 Request Timeout, 429 Too Many Requests and 5xx but 501 Not Implemented / 505 HTTP Version Not Supported may pass. */
function isTransientStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501 && status !== 505);
}

/**
 * Stores DICOM Part 10 instances with one STOW-RS request (PS3.18 10.5): a multipart/related body
 * of `application/dicom` parts, answered in `application/dicom+json` and read into a StowResult.
 *
 * - 200 (all stored) and 202 (stored with warnings, or some stored and some failed) give a
 *   result; 409, 400, 401, 403, 404, 413, 415 and a 2xx that stored nothing throw a StowError.
 * - Network errors, 408, 429 and 5xx are retried with exponential backoff and jitter, waiting at
 *   least what Retry-After asks, up to `retry.attempts`; then a StowError of kind network/server.
 * - Idempotent by SOP Instance UID: every retry sends the same bytes; an instance the PACS
 *   already holds (a retry after a lost answer: Orthanc answers 200 again, other servers
 *   Failure Reason 0x0111 Duplicate SOP Instance) counts as stored.
 *
 * One call is one write of an outbox: a single instance or a small batch. Nothing is logged.
 */
export async function stowInstances(instances: readonly Uint8Array[], options: StowOptions): Promise<StowResult> {
  const sent = checkInstances(instances);
  const policy = checkRetry({ ...DEFAULT_RETRY, ...options.retry });
  const target = stowUrl(options);
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const { body, contentType } = multipartRelatedBody(instances, randomBoundary(random));
  const unconfirmed = (kind: StowErrorKind, status: number | null, attempts: number, extra: { retryAfterMs?: number; cause?: unknown } = {}) =>
    new StowError({ kind, status, total: sent.length, stored: [], failed: sent.map((identity) => ({ ...identity, failureReason: NOT_LISTED })), attempts, ...extra });

  // SegQC's gateway takes writes from its own origin only (a browser's cross-site POST names its
  // page there); a client outside the browser names the server it writes to. Browsers ignore it.
  const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]+/i.exec(target)?.[0];
  for (let attempt = 1; ; attempt++) {
    const headers = { ...withoutContentHeaders(await options.headers?.()), 'Content-Type': contentType, Accept: 'application/dicom+json', ...(origin ? { Origin: origin } : {}) };
    let response: FetchLikeResponse | undefined;
    let bodyText = '';
    let cause: unknown;
    try {
      response = await options.fetch(target, { method: 'POST', headers, body });
      bodyText = await response.text();
    } catch (error) {
      // No answer, or the answer broke off: the PACS may or may not have stored the instances.
      response = undefined;
      cause = error;
    }
    if (response && !isTransientStatus(response.status)) return settle(response.status, bodyText, sent, attempt, stepUpChallenge(response.headers.get('WWW-Authenticate')));

    const status = response?.status ?? null;
    const kind = response ? 'server' : 'network';
    if (attempt >= policy.attempts) throw unconfirmed(kind, status, attempt, { cause });
    const askedMs = response ? retryAfterMs(response.headers.get('Retry-After'), now()) : undefined;
    if (askedMs !== undefined && askedMs > policy.maxDelayMs) throw unconfirmed(kind, status, attempt, { retryAfterMs: askedMs });
    const delayMs = Math.max(retryBackoffMs(attempt, policy, random), askedMs ?? 0);
    options.onRetry?.({ attempt, delayMs, status, ...(askedMs === undefined ? {} : { retryAfterMs: askedMs }) });
    await sleep(delayMs);
  }
}

/** The answer to one attempt that is not retried, as a result or a thrown StowError; a 401 asking for a fresh sign-in (RFC 9470) is `reauthentication-required`. */
function settle(status: number, bodyText: string, sent: readonly Part10Identity[], attempts: number, stepUp: StepUpChallenge | null): StowResult {
  const accounting = parseStowResponse(status, bodyText, sent);
  const success = status >= 200 && status < 300;
  // 409 whose every failure is Duplicate SOP Instance: all are stored, by an earlier attempt.
  const allDuplicates = status === 409 && accounting.failed.length === 0;
  if ((success && accounting.stored.length > 0) || allDuplicates) return { status, ...accounting, attempts };
  if (status === 401 && stepUp) {
    throw new StowError({ kind: 'reauthentication-required', status, total: sent.length, stored: [], failed: accounting.failed, attempts, ...(stepUp.maxAgeSeconds !== undefined ? { maxAuthAgeSeconds: stepUp.maxAgeSeconds } : {}) });
  }
  const kind = success ? 'refused' : ERROR_KIND_BY_STATUS[status] ?? 'unexpected';
  throw new StowError({ kind, status, total: sent.length, stored: accounting.stored, failed: accounting.failed, attempts });
}

function checkInstances(instances: readonly Uint8Array[]): Part10Identity[] {
  if (instances.length === 0) throw new StowInputError('instances', 'at least one instance is needed');
  const seen = new Map<string, number>();
  return instances.map((bytes, index) => {
    const identity = readPart10Identity(bytes, `instances[${index}]`);
    const first = seen.get(identity.sopInstanceUID);
    if (first !== undefined) throw new StowInputError(`instances[${index}]`, `has the SOP Instance UID of instances[${first}]; one request stores an instance once`);
    seen.set(identity.sopInstanceUID, index);
    return identity;
  });
}

function checkRetry(policy: RetryPolicy): RetryPolicy {
  if (!Number.isInteger(policy.attempts) || policy.attempts < 1) throw new StowInputError('options.retry.attempts', `must be an integer ≥ 1, got ${policy.attempts}`);
  if (!(policy.baseDelayMs >= 0)) throw new StowInputError('options.retry.baseDelayMs', `must be ≥ 0, got ${policy.baseDelayMs}`);
  if (!(policy.maxDelayMs >= policy.baseDelayMs)) throw new StowInputError('options.retry.maxDelayMs', `must be ≥ baseDelayMs, got ${policy.maxDelayMs}`);
  return policy;
}

function stowUrl({ url, studyInstanceUID }: StowOptions): string {
  const root = url.replace(/\/+$/, '');
  if (root.length === 0) throw new StowInputError('options.url', 'must be the DICOMweb root, e.g. https://pacs.example.org/dicom-web');
  if (studyInstanceUID === undefined) return `${root}/studies`;
  try {
    checkUid(studyInstanceUID, 'StudyInstanceUID');
  } catch (error) {
    if (error instanceof DicomValueError) throw new StowInputError('options.studyInstanceUID', error.reason);
    throw error;
  }
  return `${root}/studies/${studyInstanceUID}`;
}

/** The caller's headers minus any Content-Type or Accept, which this request sets itself. */
function withoutContentHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !/^(content-type|accept)$/i.test(name)));
}
