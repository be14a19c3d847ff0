/** The options of a command that talks to a PACS that give its access token (resolveCredential reads them). */
export const CREDENTIAL_FLAGS = ['--token-file', '--token'] as const;

/** In a command's usage line: the file, since `--token TOKEN` shows in process lists (the help says so). */
export const CREDENTIAL_USAGE = '[--token-file FILE]';

/** The help's account of the access token, in the order resolveCredential looks. */
export const CREDENTIAL_HELP = `Access token for the PACS (commands with --pacs or --stow), the first found of:
  --token-file FILE, SEGQC_DICOMWEB_TOKEN_FILE
                   a file holding it; refused when group or others have any access to it (chmod 600)
  SEGQC_DICOMWEB_TOKEN
                   the token itself
  --token TOKEN    the token itself; it shows in process lists (ps), prefer a file
  SEGQC_OIDC_CLIENT_ID with SEGQC_OIDC_ISSUER, SEGQC_OIDC_CLIENT_SECRET_FILE [, SEGQC_OIDC_RESOURCE]
                   a service account's token by the OAuth 2.0 client-credentials grant, fetched
                   again as it expires; SEGQC_OIDC_RESOURCE, an absolute URI, is sent as
                   the resource (RFC 8707)
  What qc --write-reports, report --stow and adjudicate write names the token's user (iss, sub, login).
`;
