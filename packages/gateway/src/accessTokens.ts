import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { rolesOfClaims, type RoleMapping, type SegqcRole } from './segqcRoles';
import { tokenPersonName } from './tokenPersonName';

/** Who a valid access token says the caller is. */
export interface TokenIdentity {
  issuer: string;
  subject: string;
  /** `preferred_username`, when the provider gives one: the login SegQC records. */
  login?: string;
  /** DICOM PN from the name claims (tokenPersonName.ts), when the token names the user: recorded when the gateway records them as a SEG's creator. */
  personName?: string;
  roles: SegqcRole[];
  /**
   * When the user last entered their credentials: the token's `auth_time` (RFC 9068 §2.2.1), absent
   * when the provider does not say. Signing on the user's behalf needs a recent one (freshLogin.ts).
   */
  authTime?: Date;
}

export interface AccessTokenSettings {
  /** The OpenID Provider's issuer identifier, exactly as in its tokens. */
  issuer: string;
  /** The audience the tokens must name (the gateway's API identifier). */
  audience: string;
  /** The provider's JWKS; resolved by OpenID Connect Discovery from the issuer when not given. */
  jwks?: JWTVerifyGetKey;
  /** Leeway for `exp`, `nbf` and `iat` against clocks that differ; 60 s by default. */
  clockToleranceSeconds?: number;
  roles: RoleMapping;
}

/** Asymmetric signatures only: `none` and HMAC (a public key used as a shared secret) never verify. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export class AccessTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessTokenError';
  }
}

export type AccessTokenVerifier = (authorization: string | undefined) => Promise<TokenIdentity>;

/**
 * Checks a bearer access token with `jose`: the signature against the issuer's JWKS (keys fetched
 * and cached by jose, refreshed when a new key id appears), the issuer, the audience, expiry and
 * not-before with the clock tolerance, a subject present. Throws AccessTokenError with why.
 */
export function accessTokenVerifier(settings: AccessTokenSettings): AccessTokenVerifier {
  let keys = settings.jwks;
  return async (authorization) => {
    const token = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new AccessTokenError('a bearer access token is required');
    keys ??= createRemoteJWKSet(await discoveredJwksUri(settings.issuer));
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ALGORITHMS,
        clockTolerance: settings.clockToleranceSeconds ?? 60,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (error) {
      throw new AccessTokenError(reasonOf(error));
    }
    const login = typeof payload.preferred_username === 'string' ? payload.preferred_username : undefined;
    const personName = tokenPersonName(payload);
    const authTime = authTimeOf(payload.auth_time);
    return {
      issuer: payload.iss!, subject: payload.sub!, ...(login ? { login } : {}), ...(personName ? { personName } : {}), roles: rolesOfClaims(payload, settings.roles),
      ...(authTime ? { authTime } : {}),
    };
  };
}

/** `auth_time` is a NumericDate (seconds since the epoch, RFC 7519 §2); anything else says nothing about the login. */
function authTimeOf(claim: unknown): Date | undefined {
  return typeof claim === 'number' && Number.isFinite(claim) && claim > 0 ? new Date(claim * 1000) : undefined;
}

/** OpenID Connect Discovery 1.0 §4: the provider's metadata names its JWKS. */
async function discoveredJwksUri(issuer: string): Promise<URL> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new AccessTokenError(`the identity provider's discovery document answered HTTP ${response.status}`);
  const { jwks_uri: jwksUri } = (await response.json()) as { jwks_uri?: unknown };
  if (typeof jwksUri !== 'string') throw new AccessTokenError("the identity provider's discovery document names no jwks_uri");
  return new URL(jwksUri);
}

/** A short reason a client may see; nothing of the token itself. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the access token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) return `the access token's ${error.claim} claim is not accepted`;
  if (error instanceof errors.JOSEAlgNotAllowed) return "the access token's signature algorithm is not accepted";
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) return "the access token's signature does not verify";
  return 'the access token is not valid';
}
