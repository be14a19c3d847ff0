import { readFileSync } from 'node:fs';
import type { GatewayOptions } from './gatewayApp';

export class GatewayConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GatewayConfigError';
  }
}

export interface GatewayListen {
  host: string;
  port: number;
}

/**
 * `segqc-gateway`'s settings from the environment (README "The DICOMweb gateway"):
 * SEGQC_PACS_URL (required), HOST, PORT, SEGQC_ALLOWED_HOSTS, SEGQC_ALLOWED_ORIGINS,
 * SEGQC_PACS_AUTHORIZATION_FILE, SEGQC_KEEP_HOST_HEADER, SEGQC_STOW_MAX_BYTES,
 * SEGQC_UPSTREAM_TIMEOUT_MS, SEGQC_TRUST_PROXY.
 */
export function gatewayEnvironment(env: NodeJS.ProcessEnv): { options: GatewayOptions; listen: GatewayListen } {
  const upstream = urlSetting(env, 'SEGQC_PACS_URL');
  const list = (name: string) => env[name]?.split(',').map((item) => item.trim()).filter(Boolean);
  const authorizationFile = env.SEGQC_PACS_AUTHORIZATION_FILE;
  return {
    listen: { host: env.HOST ?? '127.0.0.1', port: integerSetting(env, 'PORT', 3001, 0, 65535) },
    options: {
      upstream,
      keepHostHeader: env.SEGQC_KEEP_HOST_HEADER === '1',
      allowedHosts: list('SEGQC_ALLOWED_HOSTS'),
      allowedOrigins: list('SEGQC_ALLOWED_ORIGINS'),
      stowBodyLimitBytes: integerSetting(env, 'SEGQC_STOW_MAX_BYTES', undefined, 1, Number.MAX_SAFE_INTEGER),
      upstreamTimeoutMs: integerSetting(env, 'SEGQC_UPSTREAM_TIMEOUT_MS', undefined, 100, 3_600_000),
      trustProxy: env.SEGQC_TRUST_PROXY || undefined,
      upstreamAuthorization: authorizationFile ? readSecret(authorizationFile) : undefined,
    },
  };
}

function urlSetting(env: NodeJS.ProcessEnv, name: string): URL {
  const value = env[name];
  if (!value) throw new GatewayConfigError(`${name} is not set: the PACS's DICOMweb root, e.g. ${name}=http://127.0.0.1:8042/dicom-web`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new GatewayConfigError(`${name}=${value} is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new GatewayConfigError(`${name} must be http(s), not ${url.protocol}`);
  if (url.username || url.password) throw new GatewayConfigError(`${name} must not hold credentials: put the Authorization value in SEGQC_PACS_AUTHORIZATION_FILE`);
  return url;
}

function integerSetting<T extends number | undefined>(env: NodeJS.ProcessEnv, name: string, fallback: T, min: number, max: number): number | T {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new GatewayConfigError(`${name}=${value} is not a whole number from ${min} to ${max}`);
  return number;
}

function readSecret(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    throw new GatewayConfigError(`SEGQC_PACS_AUTHORIZATION_FILE=${file} cannot be read: ${(error as Error).message}`);
  }
}
