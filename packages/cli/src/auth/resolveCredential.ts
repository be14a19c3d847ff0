import { UsageError } from '../usageError';
import type { ClientCredentials, Credential, TokenOrigin } from './Credential';
import { CredentialError } from './CredentialError';
import { readSecretFile } from './readSecretFile';

/** The command line's part: `--token-file FILE` and `--token TOKEN`, when given. */
export interface CredentialFlags {
  tokenFile?: string;
  token?: string;
}

/** RFC 6750 §2.1 b64token: what an Authorization: Bearer value may hold (no space, no line break). */
const BEARER_TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The credential of a command that talks to a PACS, the first found of: `--token-file FILE` or
 * SEGQC_DICOMWEB_TOKEN_FILE (the file's content; refused when group or others may read it),
 * SEGQC_DICOMWEB_TOKEN, `--token TOKEN` (visible in process lists), and a service account's
 * client credentials when SEGQC_OIDC_CLIENT_ID is set (with SEGQC_OIDC_ISSUER,
 * SEGQC_OIDC_CLIENT_SECRET_FILE and optionally SEGQC_OIDC_RESOURCE). Files are read here, so that
 * a bad one stops the command before any request. An empty variable counts as unset.
 */
export function resolveCredential(flags: CredentialFlags, env: NodeJS.ProcessEnv): Credential {
  if (flags.tokenFile !== undefined && flags.token !== undefined) throw new UsageError('give --token-file FILE or --token TOKEN, not both');
  if (flags.tokenFile !== undefined) return staticToken(readSecretFile(flags.tokenFile, '--token-file'), '--token-file');
  if (env.SEGQC_DICOMWEB_TOKEN_FILE) return staticToken(readSecretFile(env.SEGQC_DICOMWEB_TOKEN_FILE, 'SEGQC_DICOMWEB_TOKEN_FILE'), 'SEGQC_DICOMWEB_TOKEN_FILE');
  if (env.SEGQC_DICOMWEB_TOKEN) return staticToken(env.SEGQC_DICOMWEB_TOKEN.trim(), 'SEGQC_DICOMWEB_TOKEN');
  if (flags.token !== undefined) return staticToken(flags.token, '--token');
  // The client id, not the issuer, asks for the grant: the gateway reads SEGQC_OIDC_ISSUER too.
  if (env.SEGQC_OIDC_CLIENT_ID) return { kind: 'client-credentials', ...clientCredentials(env.SEGQC_OIDC_CLIENT_ID, env) };
  return { kind: 'none' };
}

function staticToken(token: string, from: TokenOrigin): Credential {
  // The token itself is never quoted: a message may end up in a log.
  if (!BEARER_TOKEN.test(token)) throw new CredentialError(`the access token from ${from} is not a bearer token (RFC 6750: letters, digits and -._~+/ only, = at the end)`);
  return { kind: 'token', token, from };
}

function clientCredentials(clientId: string, env: NodeJS.ProcessEnv): ClientCredentials {
  const issuer = env.SEGQC_OIDC_ISSUER;
  const secretFile = env.SEGQC_OIDC_CLIENT_SECRET_FILE;
  if (!issuer || !secretFile) {
    const missing = [!issuer && 'SEGQC_OIDC_ISSUER', !secretFile && 'SEGQC_OIDC_CLIENT_SECRET_FILE'].filter(Boolean).join(' and ');
    throw new CredentialError(`SEGQC_OIDC_CLIENT_ID asks for an access token by the client-credentials grant: set ${missing} too`);
  }
  checkIssuer(issuer);
  const audience = env.SEGQC_OIDC_RESOURCE || null;
  // RFC 8707 §2: the resource is an absolute URI without a fragment (a provider refuses others: invalid_target).
  if (audience !== null && !/^[A-Za-z][A-Za-z0-9+.-]*:[^\s#]+$/.test(audience)) {
    throw new CredentialError(`SEGQC_OIDC_RESOURCE is sent as the resource (RFC 8707), an absolute URI such as urn:segqc:dicomweb or https://pacs.example.org/dicom-web; got '${audience}'`);
  }
  return { issuer, clientId, clientSecret: readSecretFile(secretFile, 'SEGQC_OIDC_CLIENT_SECRET_FILE'), audience };
}

/** The client secret goes to the issuer: over https, or plain http to this machine only. */
function checkIssuer(issuer: string): void {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new CredentialError(`SEGQC_OIDC_ISSUER is the OpenID Provider's issuer URL, e.g. https://login.example.org/realms/hospital; got '${issuer}'`);
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname))) return;
  throw new CredentialError(`SEGQC_OIDC_ISSUER ${issuer}: the client secret is sent to the issuer over https only (http is accepted for this machine: localhost, 127.0.0.1, ::1)`);
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}
