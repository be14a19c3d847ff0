import type { AuthenticatedIdentity } from '@segqc/core';
import { decodeJwt, errors } from 'jose';

/** Who an access token names: what an object the CLI writes records of its writer. */
export interface TokenIdentity {
  authentication: AuthenticatedIdentity;
  /** `preferred_username`, else the subject: the login the gateway requires an object to record. */
  login: string;
  /** The `name` claim, else the client the token was issued to, else the login. */
  name: string;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * The identity in a JWT access token's claims, decoded with jose and not verified: the gateway
 * verifies the token of every request, and refuses an object that names anyone else. Null for a
 * token that is not a JWT or names no issuer or subject — nothing authenticated can be recorded.
 * `clientId`: the service account's client id, its name when the token has no `name`.
 */
export function tokenIdentity(token: string, clientId?: string): TokenIdentity | null {
  let claims;
  try {
    claims = decodeJwt(token);
  } catch (error) {
    if (error instanceof errors.JWTInvalid) return null;
    throw error;
  }
  const issuer = text(claims.iss);
  const subject = text(claims.sub);
  if (issuer === undefined || subject === undefined) return null;
  const login = text(claims.preferred_username) ?? subject;
  // RFC 9068 §2.2: a JWT access token names its client in client_id.
  const name = text(claims.name) ?? clientId ?? text(claims.client_id) ?? login;
  return { authentication: { issuer, subject }, login, name };
}
