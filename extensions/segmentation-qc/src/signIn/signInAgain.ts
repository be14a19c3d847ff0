/**
 * Signing is an act of its own (21 CFR 11.200): before the gateway signs a report for the user, they
 * enter their password again. This asks the OpenID Provider for a new sign-in with `prompt=login`
 * and `max_age=0` (OIDC Core §3.1.2.1), through oidc-client-ts with OHIF's own client settings, so
 * that OHIF's /callback route completes it as any sign-in and returns to this page (OHIF keeps the
 * page in sessionStorage 'ohif-redirect-to'); the outbox then sends the report with the new token.
 */
import { UserManager } from 'oidc-client-ts';

/** OHIF's oidc[0] (app-config), as far as a sign-in request needs it. */
export interface OidcClientConfig {
  authority: string;
  client_id: string;
  redirect_uri?: string;
  scope?: string;
}

export class SignInAgainError extends Error {
  override readonly name = 'SignInAgainError';
}

/** The client settings OHIF's UserManager is made with (its initUserManager): same client, same redirect, code flow with PKCE. */
export function signInAgainSettings(client: OidcClientConfig, pageOrigin: string) {
  return {
    authority: client.authority,
    client_id: client.client_id,
    redirect_uri: new URL(client.redirect_uri ?? '/callback', pageOrigin).href,
    response_type: 'code',
    scope: client.scope ?? 'openid',
    filterProtocolClaims: true,
  };
}

/** Leaves the page for the provider's login form; resolves only if the redirect could not start. */
export async function signInAgain(client: OidcClientConfig | undefined): Promise<void> {
  if (!client?.authority || !client.client_id) throw new SignInAgainError('this viewer has no sign-in (no oidc client in its app-config): nothing can be signed');
  await new UserManager(signInAgainSettings(client, location.origin)).signinRedirect({ prompt: 'login', max_age: 0 });
}
