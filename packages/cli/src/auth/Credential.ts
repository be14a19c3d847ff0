/** Where a static access token came from: named in messages, so that the user knows which one to replace. */
export type TokenOrigin = '--token-file' | 'SEGQC_DICOMWEB_TOKEN_FILE' | 'SEGQC_DICOMWEB_TOKEN' | '--token';

/** A service account's OAuth 2.0 client-credentials grant (RFC 6749 §4.4) at an OpenID Provider. */
export interface ClientCredentials {
  /** The provider's issuer identifier; its metadata is found by OpenID Connect Discovery. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Sent as the `resource` parameter (RFC 8707): the API the token is for, e.g. `segqc-dicomweb`. */
  audience: string | null;
}

/**
 * How `segqc` proves who it is to the PACS (the SegQC gateway): no token, a token given as is, or a
 * service account's client credentials. Plain data, so that worker threads are started with it.
 */
export type Credential =
  | { kind: 'none' }
  | { kind: 'token'; token: string; from: TokenOrigin }
  | ({ kind: 'client-credentials' } & ClientCredentials);
