// The gateway's own reading of the SEGQC_OIDC_* settings, from its module.
import { accessTokenSettingsOf, GatewayConfigError } from '@segqc/gateway';
import { DICOMWEB_AUDIENCE, DICOMWEB_RESOURCE, VIEWER_CLIENT_ID, demoIssuer } from '../demoIdentityProvider/demoProviderConfiguration';
import { parsePort } from '../listen';
import { StartupError } from '../startupError';
import type { ViewerSignIn } from './viewerSignIn';

export type SignInChoice =
  | { kind: 'none' }
  /** SegQC's demo provider on its loopback port, in this process. */
  | { kind: 'demo'; port: number; accessTokenTtlSeconds: number; signIn: ViewerSignIn }
  /** The site's own OpenID Provider. */
  | { kind: 'site'; signIn: ViewerSignIn };

/** oidc-client-ts renews a minute before expiry: a shorter life would renew without pause. */
const MIN_ACCESS_TOKEN_TTL_SECONDS = 70;

/**
 * Whether and how `npm start` signs users in (README "Sign-in"): `SEGQC_AUTH=demo` runs the demo
 * provider (SEGQC_OIDC_PORT, default 3002; SEGQC_OIDC_ACCESS_TOKEN_TTL seconds, default 600);
 * SEGQC_OIDC_ISSUER names the site's own provider, with SEGQC_OIDC_CLIENT_ID, SEGQC_OIDC_AUDIENCE,
 * SEGQC_OIDC_SCOPE (default `openid profile`), SEGQC_ROLES_CLAIM and SEGQC_ROLE_MAP. Neither: no sign-in.
 */
export function signInChoice(env: NodeJS.ProcessEnv): SignInChoice {
  const auth = env.SEGQC_AUTH ?? '';
  if (auth !== '' && auth !== 'demo') throw new StartupError(`SEGQC_AUTH=${auth} is not known: SEGQC_AUTH=demo runs the demo sign-in; your own provider is set with SEGQC_OIDC_ISSUER`);
  if (auth === 'demo') {
    if (env.SEGQC_OIDC_ISSUER) throw new StartupError('SEGQC_AUTH=demo runs SegQC\'s own identity provider: unset SEGQC_OIDC_ISSUER, or unset SEGQC_AUTH to sign in with that provider');
    const port = parsePort(env.SEGQC_OIDC_PORT || '3002', 'SEGQC_OIDC_PORT');
    const ttl = env.SEGQC_OIDC_ACCESS_TOKEN_TTL || '600';
    const accessTokenTtlSeconds = Number(ttl);
    if (!Number.isInteger(accessTokenTtlSeconds) || accessTokenTtlSeconds < MIN_ACCESS_TOKEN_TTL_SECONDS || accessTokenTtlSeconds > 86_400) {
      throw new StartupError(`SEGQC_OIDC_ACCESS_TOKEN_TTL=${ttl} is not a whole number of seconds from ${MIN_ACCESS_TOKEN_TTL_SECONDS} to 86400`);
    }
    const signIn: ViewerSignIn = {
      accessTokens: { issuer: demoIssuer(port), audience: DICOMWEB_AUDIENCE, roles: { claim: 'roles' } },
      clientId: VIEWER_CLIENT_ID,
      scope: 'openid profile',
      resource: DICOMWEB_RESOURCE,
      revokeRefreshTokenOnSignOut: true,
    };
    return { kind: 'demo', port, accessTokenTtlSeconds, signIn };
  }

  let accessTokens;
  try {
    accessTokens = accessTokenSettingsOf(env);
  } catch (error) {
    throw error instanceof GatewayConfigError ? new StartupError(error.message) : error;
  }
  if (!accessTokens) return { kind: 'none' };
  const issuer = URL.parse(accessTokens.issuer);
  if (!issuer || (issuer.protocol !== 'https:' && issuer.protocol !== 'http:')) throw new StartupError(`SEGQC_OIDC_ISSUER=${accessTokens.issuer} is not an http(s) URL`);
  const clientId = env.SEGQC_OIDC_CLIENT_ID;
  if (!clientId) throw new StartupError("SEGQC_OIDC_CLIENT_ID is not set: the viewer's client id at your identity provider (a public client, authorization code flow with PKCE)");
  // A site's provider ends its own tokens with its session, and not every one has a revocation
  // endpoint (Entra ID has none): the viewer revokes nothing at sign-out.
  return { kind: 'site', signIn: { accessTokens, clientId, scope: env.SEGQC_OIDC_SCOPE || 'openid profile', revokeRefreshTokenOnSignOut: false } };
}
