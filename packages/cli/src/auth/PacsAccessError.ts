import { terminalText } from '@segqc/core';
import type { Credential } from './Credential';
import type { PacsRefusal } from './PacsRefusal';

/** Longest reason quoted from the PACS: a message, not a page. */
const MAX_REASON = 300;

const WAYS =
  '--token-file FILE or SEGQC_DICOMWEB_TOKEN_FILE (a file only you can read), SEGQC_DICOMWEB_TOKEN, or a service account\'s SEGQC_OIDC_CLIENT_ID, SEGQC_OIDC_ISSUER and SEGQC_OIDC_CLIENT_SECRET_FILE';

/**
 * The PACS refused the request for its credential: 401, no valid access token — which token, why
 * (the gateway's error_description) and how to give one; 403, the token's user may not do this —
 * the gateway's message (the role or object refused). Never holds the token.
 */
export class PacsAccessError extends Error {
  override readonly name = 'PacsAccessError';
  readonly status: 401 | 403;

  constructor(refusal: PacsRefusal, credential: Credential) {
    super(describe(refusal, credential));
    this.status = refusal.status;
  }
}

function describe({ status, reason }: PacsRefusal, credential: Credential): string {
  // The reason is the server's text: control characters out (core terminalText), and kept short.
  const cleaned = reason === null ? '' : terminalText(reason).trim();
  const why = cleaned === '' ? '' : `: ${cleaned.length > MAX_REASON ? `${cleaned.slice(0, MAX_REASON)}…` : cleaned}`;
  if (status === 403) return `the PACS refused the request (HTTP 403)${why}`;
  switch (credential.kind) {
    case 'none':
      return `the PACS asks for an access token (HTTP 401${why}); give one with ${WAYS}`;
    case 'token':
      return `the PACS refused the access token from ${credential.from} (HTTP 401${why}); give a valid one with ${WAYS}`;
    case 'client-credentials':
      return `the PACS refused the access token that ${credential.issuer} issued to client ${credential.clientId} (HTTP 401${why}); check SEGQC_OIDC_ISSUER and SEGQC_OIDC_RESOURCE against the issuer and resource the PACS accepts`;
  }
}
