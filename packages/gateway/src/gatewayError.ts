import type { FastifyReply } from 'fastify';

/** What the gateway answers by itself; the body is this code and a short message, nothing of the PACS. */
export type GatewayErrorCode =
  | 'bad-request-target'
  | 'host-not-allowed'
  | 'cross-origin-write'
  | 'unauthenticated'
  | 'no-role'
  | 'store-refused'
  | 'journal-failed'
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
