import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { StartupError } from '../startupError';

/** The demo provider's secrets of this install: made at its first start, kept for the next ones. */
export interface ProviderSecrets {
  /** The private RSA key (JWK) tokens are signed with; its public half is the provider's JWKS. */
  signingKey: Record<string, unknown>;
  /** Keys of the provider's signed cookies (sessions, interactions). */
  cookieKeys: string[];
  /** The QC service account's client secret, and the file holding it. */
  serviceSecret: string;
  serviceSecretFile: string;
}

/**
 * Reads the secrets from `dir`, creating each missing one first: the folder is the user's alone
 * (0700), each file too (0600). A key that survives restarts keeps issued tokens valid and lets
 * the CLI keep its service secret; no secret is ever printed, only the secret file's path.
 */
export function providerSecrets(dir: string): ProviderSecrets {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const signingKey = JSON.parse(kept(join(dir, 'signing-key.jwk.json'), () => JSON.stringify(newSigningKey()))) as Record<string, unknown>;
  if (signingKey.kty !== 'RSA' || typeof signingKey.d !== 'string') throw new StartupError(`${join(dir, 'signing-key.jwk.json')} is not the RSA private key SegQC wrote: delete it to make a new one`);
  const cookieKeys = JSON.parse(kept(join(dir, 'cookie-keys.json'), () => JSON.stringify([randomSecret(), randomSecret()]))) as unknown;
  if (!Array.isArray(cookieKeys) || !cookieKeys.every((key) => typeof key === 'string' && key.length >= 32)) throw new StartupError(`${join(dir, 'cookie-keys.json')} is not the cookie keys SegQC wrote: delete it to make new ones`);
  const serviceSecretFile = join(dir, 'segqc-qc-service.secret');
  const serviceSecret = kept(serviceSecretFile, randomSecret).trim();
  if (serviceSecret.length < 32) throw new StartupError(`${serviceSecretFile} holds no secret of 32 or more characters: delete it to make a new one`);
  return { signingKey, cookieKeys, serviceSecret, serviceSecretFile };
}

/** The file's text; when it does not exist yet, `make()`'s, written first (0600, never over another). */
function kept(file: string, make: () => string): string {
  try {
    writeFileSync(file, `${make()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8');
}

function newSigningKey(): Record<string, unknown> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomBytes(12).toString('base64url'), alg: 'RS256', use: 'sig' };
}

function randomSecret(): string {
  return randomBytes(32).toString('base64url');
}
