/**
 * The site's signer from the environment (segqc-gateway, and `npm start` with a site's sign-in):
 * SEGQC_SIGNING_CERT_FILE (the signer certificate, PEM) and SEGQC_SIGNING_KEY_FILE (its private key,
 * PEM). The key file must be the gateway user's alone — like ssh with a private key (and the CLI with
 * a token file, readSecretFile.ts), one that group or others may access is refused: a signing key
 * others can read signs for anyone. Both or neither; neither: nothing is signed.
 * SEGQC_SIGNING_MAX_AUTH_AGE: the seconds a sign-in stays fresh enough to sign (default 300).
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import { GatewayConfigError } from './gatewayConfigError';
import type { ReportSigningSettings } from './reportSigner';

export function signingSettingsOf(env: NodeJS.ProcessEnv): ReportSigningSettings | undefined {
  const certificateFile = env.SEGQC_SIGNING_CERT_FILE;
  const keyFile = env.SEGQC_SIGNING_KEY_FILE;
  if (!certificateFile && !keyFile) return undefined;
  if (!certificateFile || !keyFile) throw new GatewayConfigError('SEGQC_SIGNING_CERT_FILE and SEGQC_SIGNING_KEY_FILE go together: the signer certificate and its private key (PEM)');
  return { certificatePem: readSigningFile(certificateFile, 'SEGQC_SIGNING_CERT_FILE', false), privateKeyPem: readSigningFile(keyFile, 'SEGQC_SIGNING_KEY_FILE', true), ...maxAuthAgeOf(env) };
}

/** SEGQC_SIGNING_MAX_AUTH_AGE as the signer's maxAuthAgeSeconds; nothing when unset (the default stands). */
export function maxAuthAgeOf(env: NodeJS.ProcessEnv): { maxAuthAgeSeconds?: number } {
  const text = env.SEGQC_SIGNING_MAX_AUTH_AGE;
  if (text === undefined || text === '') return {};
  const seconds = Number(text);
  if (!Number.isInteger(seconds) || seconds < 1) throw new GatewayConfigError(`SEGQC_SIGNING_MAX_AUTH_AGE=${text}: the seconds a sign-in stays fresh enough to sign, a whole number from 1`);
  return { maxAuthAgeSeconds: seconds };
}

/** The file's text; `secret`: refused when group or others have any access (checked and read through one descriptor). */
function readSigningFile(path: string, setting: string, secret: boolean): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new GatewayConfigError(`${setting}=${path} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new GatewayConfigError(`${setting}=${path} is not a file`);
    // POSIX modes; on Windows permissions are ACLs that mode bits do not show.
    if (secret && (stat.mode & 0o077) !== 0 && process.platform !== 'win32') {
      throw new GatewayConfigError(`${setting}=${path}: permissions ${(stat.mode & 0o777).toString(8).padStart(4, '0')} are too open, other users have access to the signing key; chmod 600 ${path}`);
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}
