import type { AccessTokenSettings } from '@segqc/gateway';

/**
 * Sign-in through an OpenID Provider: the viewer signs in with OHIF's own `oidc` login (code flow
 * with PKCE) and sends the access token with every DICOMweb request, which the gateway checks.
 */
export interface ViewerSignIn {
  /** What the gateway requires of the access tokens: the issuer, their audience, the roles claim. */
  accessTokens: AccessTokenSettings;
  /** The viewer's client id at the provider (a public client: no secret). */
  clientId: string;
  /** The scopes the viewer asks for, e.g. `openid profile`. */
  scope: string;
  /** The resource indicator (RFC 8707) the viewer asks its access tokens for, when the provider uses them. */
  resource?: string;
  /** Revoke the refresh token at sign-out (the provider has a revocation endpoint). */
  revokeRefreshTokenOnSignOut: boolean;
}
