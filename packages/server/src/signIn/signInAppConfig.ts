import type { ViewerSignIn } from './viewerSignIn';

/**
 * What /app-config.js gets after the base app-config when sign-in is on: OHIF's `oidc` block and
 * `window.config.segqcSignIn`, which tells SegQC's extension that users sign in. OHIF 3.13 takes
 * `oidc[0]` (platform/app/src/utils/OpenIdConnectRoutes.tsx): with `response_type: 'code'` it uses
 * oidc-client-ts (code flow with PKCE S256) with these settings spread in; relative URIs are made
 * absolute on the page's origin; `revokeAccessTokenOnSignout` becomes oidc-client-ts's
 * `revokeTokensOnSignout`; its Logout returns to the page it was on. Renewal uses the refresh token
 * (oidc-client-ts does when it has one), so no silent-renew iframe is ever loaded.
 */
export function signInAppConfig(signIn: ViewerSignIn): string {
  const oidc = {
    authority: signIn.accessTokens.issuer,
    client_id: signIn.clientId,
    redirect_uri: '/callback',
    post_logout_redirect_uri: '/',
    response_type: 'code',
    scope: signIn.scope,
    ...(signIn.resource ? { resource: signIn.resource } : {}),
    automaticSilentRenew: true,
    revokeAccessTokenOnSignout: signIn.revokeRefreshTokenOnSignOut,
    // A JWT access token cannot be revoked (it expires); the refresh token can. The provider
    // answers with an empty text/plain body (RFC 7009 §2.2: the client ignores it), which
    // oidc-client-ts refuses unless told, and the sign-out would stop there.
    ...(signIn.revokeRefreshTokenOnSignOut ? { revokeTokenTypes: ['refresh_token'], revokeTokenAdditionalContentTypes: ['text/plain'] } : {}),
  };
  return [
    '',
    '// Added by the SegQC server: sign-in through the OpenID Provider (README "Sign-in").',
    `window.config.oidc = [${JSON.stringify(oidc)}];`,
    `window.config.segqcSignIn = ${JSON.stringify({ issuer: signIn.accessTokens.issuer })};`,
    '',
  ].join('\n');
}
