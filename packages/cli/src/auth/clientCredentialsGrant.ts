import type { ClientCredentials } from './Credential';
import type { IssuedToken } from './IssuedToken';
import { TokenRequestError } from './TokenRequestError';

/**
 * One access token for a service account, by openid-client: the provider's metadata by OpenID
 * Connect Discovery from the issuer, then the client-credentials grant (RFC 6749 §4.4) with
 * client_secret_basic — the client authentication every provider supports (§2.3.1) — and the
 * audience as `resource` (RFC 8707). Plain http is allowed only for an issuer on this machine
 * (resolveCredential checks that before).
 */
export async function clientCredentialsGrant(settings: ClientCredentials, now: () => number = Date.now): Promise<IssuedToken> {
  // openid-client is ESM-only: import(), which tsc keeps in this CommonJS build.
  const client = await import('openid-client');
  const issuer = new URL(settings.issuer);
  let config;
  try {
    config = await client.discovery(issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {});
  } catch (error) {
    throw new TokenRequestError(`the OpenID Provider ${settings.issuer} could not be discovered: ${reasonOf(error)}`);
  }
  try {
    const tokens = await client.clientCredentialsGrant(config, settings.audience ? { resource: settings.audience } : {});
    const expiresIn = tokens.expiresIn();
    return { accessToken: tokens.access_token, expiresAt: expiresIn === undefined ? null : now() + expiresIn * 1000 };
  } catch (error) {
    throw new TokenRequestError(`the OpenID Provider ${settings.issuer} issued no access token to client ${settings.clientId}: ${reasonOf(error)}`);
  }
}

/**
 * The provider's OAuth error (RFC 6749 §5.2) when it sent one — in the body, or in the
 * WWW-Authenticate challenge of a 401 to the client's authentication (openid-client's
 * WWWAuthenticateChallengeError holds the challenges as its cause); else what failed, with the
 * system's reason (ECONNREFUSED).
 */
function reasonOf(error: unknown): string {
  const { error: code, error_description: description, cause } = error as { error?: unknown; error_description?: unknown; cause?: unknown };
  if (typeof code === 'string') return oauthError(code, description);
  const challenge = Array.isArray(cause) ? (cause[0] as { parameters?: { error?: unknown; error_description?: unknown } } | undefined)?.parameters : undefined;
  if (typeof challenge?.error === 'string') return oauthError(challenge.error, challenge.error_description);
  if (!(error instanceof Error)) return String(error);
  if (!(cause instanceof Error)) return error.message;
  return `${error.message} (${(cause as NodeJS.ErrnoException).code ?? cause.message})`;
}

const oauthError = (code: string, description: unknown): string => (typeof description === 'string' && description !== '' ? `${code}: ${description}` : code);
