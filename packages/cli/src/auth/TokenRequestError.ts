/** The identity provider did not issue an access token for the client credentials (refused, unreachable, misconfigured): one line, exit code 1. */
export class TokenRequestError extends Error {
  override readonly name = 'TokenRequestError';
}
