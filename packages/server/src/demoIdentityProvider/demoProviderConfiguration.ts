import { demoAccount } from './demoPeople';
import { errorPage, signedOutPage, signOutPage } from './providerPages';
import type { ProviderSecrets } from './providerSecrets';

/** The viewer: a public client (a browser keeps no secret), authorization code with PKCE S256. */
export const VIEWER_CLIENT_ID = 'segqc-viewer';
/** The CLI's service account (client credentials grant), a reviewer. */
export const SERVICE_CLIENT_ID = 'segqc-qc-service';
export const SERVICE_ROLE = 'reviewer';
/** The gateway's DICOMweb API as an RFC 8707 resource indicator (an absolute URI, as the RFC requires). */
export const DICOMWEB_RESOURCE = 'urn:segqc:dicomweb';
/** The `aud` of its access tokens: the gateway's API identifier (SEGQC_OIDC_AUDIENCE). */
export const DICOMWEB_AUDIENCE = 'segqc-dicomweb';
/** The one scope the DICOMweb API knows. */
export const DICOMWEB_SCOPE = 'dicomweb';

const WORKING_DAY_SECONDS = 8 * 60 * 60;

/** The demo provider's issuer identifier: loopback only, on its own port. */
export function demoIssuer(port: number): string {
  return `http://127.0.0.1:${port}`;
}

export interface DemoProviderSettings {
  /** Where the viewer is served (`http://host:port`, one per host name it answers to). */
  viewerOrigins: readonly string[];
  secrets: ProviderSecrets;
  /** Lifetime of access tokens; the viewer renews them with its refresh token a minute before. */
  accessTokenTtlSeconds: number;
}

/** The parts of oidc-provider's Koa context and models the callbacks below read or set. */
interface Context {
  type: string;
  body: string;
}
interface Client {
  clientId: string;
  grantTypeAllowed(grantType: string): boolean;
}
interface Token {
  kind: string;
  accountId?: string;
  clientId?: string;
}

/** The grant an access token is issued in: oidc-provider's Koa context, the code or refresh token it redeems. */
interface TokenContext {
  oidc?: { entities?: { AuthorizationCode?: { authTime?: number }; RefreshToken?: { authTime?: number } } };
}

/** When the user entered their password for the sign-in this access token comes from (seconds since the epoch). */
function accessTokenAuthTime(ctx: TokenContext | undefined): number | undefined {
  const entities = ctx?.oidc?.entities;
  return entities?.AuthorizationCode?.authTime ?? entities?.RefreshToken?.authTime;
}

/**
 * oidc-provider's configuration for the demo (docs/README.md of panva/node-oidc-provider): the
 * two clients, the demo people as accounts, access tokens as JWTs for the gateway (RFC 9068,
 * resource indicators) carrying the SegQC role, refresh tokens for the viewer bound to the
 * sign-in session, revocation, RP-initiated logout, and SegQC's own pages.
 */
export function demoProviderConfiguration(settings: DemoProviderSettings, errors: { InvalidTarget: new (description?: string) => Error }): object {
  const { viewerOrigins, secrets, accessTokenTtlSeconds } = settings;
  return {
    clients: [
      {
        client_id: VIEWER_CLIENT_ID,
        client_name: 'SegQC',
        application_type: 'web',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        // OHIF's oidc routes: `/callback` after sign-in, the study list after sign-out.
        redirect_uris: viewerOrigins.map((origin) => `${origin}/callback`),
        post_logout_redirect_uris: viewerOrigins.map((origin) => `${origin}/`),
      },
      {
        client_id: SERVICE_CLIENT_ID,
        client_name: 'SegQC QC service',
        client_secret: secrets.serviceSecret,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    jwks: { keys: [secrets.signingKey] },
    cookies: { keys: secrets.cookieKeys },
    responseTypes: ['code'],
    pkce: { required: () => true },
    scopes: ['openid'],
    claims: { openid: ['sub'], profile: ['name', 'given_name', 'family_name', 'preferred_username'] },
    async findAccount(_ctx: unknown, sub: string) {
      const account = demoAccount(sub);
      if (!account) return undefined;
      return {
        accountId: account.login,
        claims: async () => ({ sub: account.login, name: account.name, given_name: account.givenName, family_name: account.familyName, preferred_username: account.login }),
      };
    },
    // What the gateway reads (segqcRoles.ts): the role, and who it is for the records.
    async extraTokenClaims(ctx: TokenContext | undefined, token: Token) {
      if (token.kind === 'ClientCredentials' && token.clientId === SERVICE_CLIENT_ID) return { roles: [SERVICE_ROLE], preferred_username: SERVICE_CLIENT_ID, name: 'SegQC QC service' };
      const account = token.accountId ? demoAccount(token.accountId) : undefined;
      if (!account) return undefined;
      // oidc-provider puts no auth_time in JWT access tokens; RFC 9068 §2.2.1 defines it there, and the
      // gateway signs only after a recent sign-in (freshLogin.ts). The code, or the refresh token, carries
      // the sign-in's time: a renewed access token keeps the time of the sign-in it descends from.
      const authTime = accessTokenAuthTime(ctx);
      // The name parts too: the gateway records the user as Family^Given in a SEG that names no creator, as the viewer does.
      return {
        roles: [account.role], preferred_username: account.login, name: account.name, given_name: account.givenName, family_name: account.familyName,
        ...(authTime !== undefined ? { auth_time: authTime } : {}),
      };
    },
    // The viewer renews its access token with a refresh token (no hidden iframe, which its CSP
    // forbids); the refresh token ends with the sign-in session.
    issueRefreshToken: async (_ctx: unknown, client: Client) => client.grantTypeAllowed('refresh_token'),
    clientBasedCORS: (_ctx: unknown, origin: string, client: Client) => client.clientId === VIEWER_CLIENT_ID && viewerOrigins.includes(origin),
    ttl: {
      AccessToken: accessTokenTtlSeconds,
      ClientCredentials: accessTokenTtlSeconds,
      IdToken: 60 * 60,
      RefreshToken: WORKING_DAY_SECONDS,
      Session: WORKING_DAY_SECONDS,
      Grant: WORKING_DAY_SECONDS,
      Interaction: 10 * 60,
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true, allowedPolicy: async (_ctx: unknown, client: Client, token: Token) => token.clientId === client.clientId },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: Context, form: string) => {
          ctx.type = 'html';
          ctx.body = signOutPage(form);
        },
        postLogoutSuccessSource: async (ctx: Context) => {
          ctx.type = 'html';
          ctx.body = signedOutPage();
        },
      },
      resourceIndicators: {
        enabled: true,
        // A request that names no resource is for the gateway, the only one there is.
        defaultResource: async () => DICOMWEB_RESOURCE,
        useGrantedResource: async () => true,
        getResourceServerInfo: async (_ctx: unknown, resource: string) => {
          if (resource !== DICOMWEB_RESOURCE) throw new errors.InvalidTarget(`the only resource is ${DICOMWEB_RESOURCE}`);
          return { scope: DICOMWEB_SCOPE, audience: DICOMWEB_AUDIENCE, accessTokenFormat: 'jwt', accessTokenTTL: accessTokenTtlSeconds, jwt: { sign: { alg: 'RS256' } } };
        },
      },
    },
    async renderError(ctx: Context, out: { error: string; error_description?: string }) {
      ctx.type = 'html';
      ctx.body = errorPage(out.error, out.error_description);
    },
  };
}
