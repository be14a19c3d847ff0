import { DirectoryCaseStore } from '@segqc/case-store';
import { readFileSync } from 'node:fs';
import { accessTokenVerifier, type AccessTokenSettings, type AccessTokenVerifier } from './accessTokens';
import type { GatewayOptions } from './gatewayApp';
import { GatewayConfigError } from './gatewayConfigError';
import { SEGQC_ROLES, type SegqcRole } from './segqcRoles';
import { signingSettingsOf } from './signingEnvironment';
import { WriteJournal } from './writeJournal';

export { GatewayConfigError };

export interface GatewayListen {
  host: string;
  port: number;
}

/**
 * `segqc-gateway`'s settings from the environment (README "The DICOMweb gateway"):
 * SEGQC_PACS_URL (required), HOST, PORT, SEGQC_ALLOWED_HOSTS, SEGQC_ALLOWED_ORIGINS,
 * SEGQC_PACS_AUTHORIZATION_FILE, SEGQC_KEEP_HOST_HEADER, SEGQC_STOW_MAX_BYTES,
 * SEGQC_UPSTREAM_TIMEOUT_MS, SEGQC_TRUST_PROXY; sign-in: SEGQC_OIDC_ISSUER, SEGQC_OIDC_AUDIENCE,
 * SEGQC_ROLES_CLAIM (default `roles`), SEGQC_ROLE_MAP (`site-name=segqc-role,…`); the journal of
 * writes: SEGQC_JOURNAL_FILE (writeJournal.ts; none when unset); the programme's case store that
 * `segqc sync` keeps: SEGQC_CASE_STORE (served at /segqc/api/cases; none when unset); the signer of
 * VERIFIED QC reports: SEGQC_SIGNING_CERT_FILE and SEGQC_SIGNING_KEY_FILE (signingEnvironment.ts).
 */
export function gatewayEnvironment(env: NodeJS.ProcessEnv): { options: GatewayOptions; listen: GatewayListen } {
  const upstream = urlSetting(env, 'SEGQC_PACS_URL');
  const list = (name: string) => env[name]?.split(',').map((item) => item.trim()).filter(Boolean);
  const authorizationFile = env.SEGQC_PACS_AUTHORIZATION_FILE;
  const signing = signingSettingsOf(env);
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
      accessTokens: signInSetting(env),
      ...(signing ? { signing } : {}),
      ...(env.SEGQC_JOURNAL_FILE ? { journal: WriteJournal.open(env.SEGQC_JOURNAL_FILE) } : {}),
      ...(env.SEGQC_CASE_STORE ? { caseStore: new DirectoryCaseStore(env.SEGQC_CASE_STORE) } : {}),
    },
  };
}

function signInSetting(env: NodeJS.ProcessEnv): AccessTokenVerifier | undefined {
  const settings = accessTokenSettingsOf(env);
  return settings && accessTokenVerifier(settings);
}

/**
 * The access tokens to require, from SEGQC_OIDC_ISSUER, SEGQC_OIDC_AUDIENCE, SEGQC_ROLES_CLAIM and
 * SEGQC_ROLE_MAP (`npm start` reads the same settings). Sign-in is on when an issuer is named; it
 * then needs the audience its tokens are for. Undefined without an issuer.
 */
export function accessTokenSettingsOf(env: NodeJS.ProcessEnv): AccessTokenSettings | undefined {
  const issuer = env.SEGQC_OIDC_ISSUER;
  if (!issuer) return undefined;
  const audience = env.SEGQC_OIDC_AUDIENCE;
  if (!audience) throw new GatewayConfigError('SEGQC_OIDC_AUDIENCE is not set: the audience the access tokens are issued for (the API identifier at your identity provider)');
  return { issuer, audience, roles: { claim: env.SEGQC_ROLES_CLAIM || 'roles', ...(env.SEGQC_ROLE_MAP ? { names: roleMap(env.SEGQC_ROLE_MAP) } : {}) } };
}

function roleMap(value: string): Map<string, SegqcRole> {
  const map = new Map<string, SegqcRole>();
  for (const pair of value.split(',').map((item) => item.trim()).filter(Boolean)) {
    const [site, role] = pair.split('=').map((part) => part.trim());
    if (!site || !SEGQC_ROLES.includes(role as SegqcRole)) throw new GatewayConfigError(`SEGQC_ROLE_MAP: "${pair}" is not site-role=segqc-role with a SegQC role of ${SEGQC_ROLES.join(', ')}`);
    map.set(site, role as SegqcRole);
  }
  return map;
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
