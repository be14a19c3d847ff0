import type { RetryDetails } from '@fastify/reply-from';

/** Errors of a kept-alive connection the PACS closed while it sat idle: the request got no answer at all. */
const STALE_CONNECTION_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET']);
/** Sent again at most this often: each try takes another pooled connection, or a new one. */
export const STALE_CONNECTION_RESENDS = 2;

/**
 * reply-from's retry rule for a STOW the gateway holds whole (read for the policy, the journal or a
 * signature): sent again, at once, when it failed on a stale kept-alive connection before any answer
 * (Orthanc closes idle connections after 1 s; a busy event loop can miss undici's earlier close).
 * Storing the same objects again stores them once (by SOP Instance UID); anything else keeps
 * reply-from's own rule (which never resends a body).
 */
export function resendOnStaleConnection({ err, req, res, attempt, getDefaultDelay }: RetryDetails): number | null {
  const code = (err as (Error & { code?: string }) | undefined)?.code;
  if (!res && code !== undefined && STALE_CONNECTION_CODES.has(code) && attempt < STALE_CONNECTION_RESENDS) return 1; // reply-from takes 0 as "no retry"
  return getDefaultDelay(req, res, err, attempt);
}
