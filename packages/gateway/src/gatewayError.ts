import type { FastifyReply } from 'fastify';

/** What the gateway answers by itself; the body is this code and a short message, nothing of the PACS. */
export type GatewayErrorCode =
  | 'bad-request-target'
  | 'host-not-allowed'
  | 'cross-origin-write'
  | 'unauthenticated'
  | 'insufficient-user-authentication'
  | 'no-role'
  | 'store-refused'
  | 'journal-failed'
  | 'signing-failed'
  | 'blinded'
  | 'not-found'
  | 'method-not-allowed'
  | 'invalid-parameter'
  | 'bad-query'
  | 'unsupported-media-type'
  | 'payload-too-large'
  | 'bad-request'
  | 'pacs-refused'
  | 'pacs-error'
  | 'pacs-unreachable'
  | 'pacs-timeout'
  | 'internal-error';

/** Headers an upstream answer may have put on the reply that do not describe our own body. */
const UPSTREAM_BODY_HEADERS = ['content-length', 'content-range', 'accept-ranges', 'etag', 'last-modified', 'content-location', 'expires', 'warning'];

export function sendGatewayError(reply: FastifyReply, status: number, error: GatewayErrorCode, message: string): FastifyReply {
  for (const name of UPSTREAM_BODY_HEADERS) reply.removeHeader(name);
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').header('cache-control', 'no-store').send(JSON.stringify({ error, message }));
}

/** 401 for an access token the gateway refused: RFC 6750 §3's challenge says why, without echoing the token. */
export function sendUnauthenticated(reply: FastifyReply, reason: string): FastifyReply {
  reply.header('www-authenticate', `Bearer error="invalid_token", error_description="${reason}"`);
  return sendGatewayError(reply, 401, 'unauthenticated', reason);
}

/**
 * 401 for a valid token whose sign-in is too old for what was asked (signing): RFC 9470's step-up
 * challenge, whose max_age tells the client to sign the user in again with that OpenID Connect
 * `max_age` (the quoted form of RFC 9470 §3's example).
 */
export function sendStepUpChallenge(reply: FastifyReply, reason: string, maxAgeSeconds: number): FastifyReply {
  reply.header('www-authenticate', `Bearer error="insufficient_user_authentication", error_description="${reason}", max_age="${maxAgeSeconds}"`);
  return sendGatewayError(reply, 401, 'insufficient-user-authentication', reason);
}
