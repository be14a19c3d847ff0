import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveCredential } from './resolveCredential';

// Why: every command that talks to a PACS takes its access token from here. The order decides
// which of several settings is used — a file first, the command line's --token (visible in process
// lists) last before a service account's grant — and a setting that cannot be used must stop the
// command before any request, in one line that never quotes the token or secret.

let dir: string;
let tokenFile: string;
let otherTokenFile: string;
let secretFile: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-credential-'));
  const file = (name: string, content: string, mode = 0o600) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    chmodSync(path, mode);
    return path;
  };
  tokenFile = file('token', 'from.the-flag_file\n');
  otherTokenFile = file('token-env', 'from.the-env_file\n');
  secretFile = file('secret', 's3cret\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EVERYTHING = (): NodeJS.ProcessEnv => ({
  SEGQC_DICOMWEB_TOKEN_FILE: otherTokenFile,
  SEGQC_DICOMWEB_TOKEN: 'from-env',
  SEGQC_OIDC_CLIENT_ID: 'segqc-batch',
  SEGQC_OIDC_ISSUER: 'https://login.example.org/realms/hospital',
  SEGQC_OIDC_CLIENT_SECRET_FILE: secretFile,
  SEGQC_OIDC_RESOURCE: 'urn:segqc:dicomweb',
});

test('the first found wins: --token-file, SEGQC_DICOMWEB_TOKEN_FILE, SEGQC_DICOMWEB_TOKEN, --token, client credentials, none', () => {
  const env = EVERYTHING();
  expect(resolveCredential({ tokenFile }, env)).toEqual({ kind: 'token', token: 'from.the-flag_file', from: '--token-file' });
  expect(resolveCredential({ token: 'from-flag' }, env)).toEqual({ kind: 'token', token: 'from.the-env_file', from: 'SEGQC_DICOMWEB_TOKEN_FILE' });
  delete env.SEGQC_DICOMWEB_TOKEN_FILE;
  expect(resolveCredential({ token: 'from-flag' }, env)).toEqual({ kind: 'token', token: 'from-env', from: 'SEGQC_DICOMWEB_TOKEN' });
  env.SEGQC_DICOMWEB_TOKEN = '';
  expect(resolveCredential({ token: 'from-flag' }, env)).toEqual({ kind: 'token', token: 'from-flag', from: '--token' });
  expect(resolveCredential({}, env)).toEqual({
    kind: 'client-credentials', issuer: 'https://login.example.org/realms/hospital', clientId: 'segqc-batch', clientSecret: 's3cret', audience: 'urn:segqc:dicomweb',
  });
  expect(resolveCredential({}, {})).toEqual({ kind: 'none' });
});

test('the gateway\'s SEGQC_OIDC_ISSUER alone asks for no grant: the client id does', () => {
  expect(resolveCredential({}, { SEGQC_OIDC_ISSUER: 'https://login.example.org', SEGQC_OIDC_RESOURCE: 'segqc-dicomweb' })).toEqual({ kind: 'none' });
});

test('a token file readable by others is refused before anything else is looked at', () => {
  const open = join(dir, 'open-token');
  writeFileSync(open, 'abc');
  chmodSync(open, 0o644);
  expect(() => resolveCredential({}, { SEGQC_DICOMWEB_TOKEN_FILE: open, SEGQC_DICOMWEB_TOKEN: 'fine' })).toThrow(
    expect.objectContaining({ name: 'CredentialError', message: `SEGQC_DICOMWEB_TOKEN_FILE ${open}: permissions 0644 are too open, other users have access to it; chmod 600 ${open}` }),
  );
});

test('the client secret file follows the same rule; an audience is optional', () => {
  const open = join(dir, 'open-secret');
  writeFileSync(open, 's3cret');
  chmodSync(open, 0o604);
  const env = { SEGQC_OIDC_CLIENT_ID: 'segqc-batch', SEGQC_OIDC_ISSUER: 'https://login.example.org', SEGQC_OIDC_CLIENT_SECRET_FILE: open };
  expect(() => resolveCredential({}, env)).toThrow(`SEGQC_OIDC_CLIENT_SECRET_FILE ${open}: permissions 0604 are too open`);
  expect(resolveCredential({}, { ...env, SEGQC_OIDC_CLIENT_SECRET_FILE: secretFile })).toMatchObject({ kind: 'client-credentials', audience: null });
});

test.each([
  [{ SEGQC_OIDC_CLIENT_ID: 'c' }, 'SEGQC_OIDC_CLIENT_ID asks for an access token by the client-credentials grant: set SEGQC_OIDC_ISSUER and SEGQC_OIDC_CLIENT_SECRET_FILE too'],
  [{ SEGQC_OIDC_CLIENT_ID: 'c', SEGQC_OIDC_ISSUER: 'https://login.example.org' }, 'SEGQC_OIDC_CLIENT_ID asks for an access token by the client-credentials grant: set SEGQC_OIDC_CLIENT_SECRET_FILE too'],
  [{ SEGQC_OIDC_CLIENT_ID: 'c', SEGQC_OIDC_ISSUER: 'login.example.org', SEGQC_OIDC_CLIENT_SECRET_FILE: 'x' },
    "SEGQC_OIDC_ISSUER is the OpenID Provider's issuer URL, e.g. https://login.example.org/realms/hospital; got 'login.example.org'"],
  [{ SEGQC_OIDC_CLIENT_ID: 'c', SEGQC_OIDC_ISSUER: 'http://login.example.org', SEGQC_OIDC_CLIENT_SECRET_FILE: 'x' },
    'SEGQC_OIDC_ISSUER http://login.example.org: the client secret is sent to the issuer over https only (http is accepted for this machine: localhost, 127.0.0.1, ::1)'],
  [{ SEGQC_OIDC_CLIENT_ID: 'c', SEGQC_OIDC_ISSUER: 'https://login.example.org', SEGQC_OIDC_CLIENT_SECRET_FILE: 'x', SEGQC_OIDC_RESOURCE: 'segqc-dicomweb' },
    "SEGQC_OIDC_RESOURCE is sent as the resource (RFC 8707), an absolute URI such as urn:segqc:dicomweb or https://pacs.example.org/dicom-web; got 'segqc-dicomweb'"],
])('incomplete or unsafe client-credential settings: %p', (env, message) => {
  expect(() => resolveCredential({}, env)).toThrow(expect.objectContaining({ name: 'CredentialError', message }));
});

test('plain http to an issuer on this machine is accepted (the demo\'s embedded provider)', () => {
  for (const issuer of ['http://127.0.0.1:3000/oidc', 'http://localhost:3000', 'http://[::1]:3000']) {
    expect(resolveCredential({}, { SEGQC_OIDC_CLIENT_ID: 'c', SEGQC_OIDC_ISSUER: issuer, SEGQC_OIDC_CLIENT_SECRET_FILE: secretFile })).toMatchObject({ issuer });
  }
});

test('a token that cannot be a bearer token is refused without being quoted; both flags at once are a usage error', () => {
  expect(() => resolveCredential({ token: 'abc def' }, {})).toThrow(
    expect.objectContaining({ name: 'CredentialError', message: 'the access token from --token is not a bearer token (RFC 6750: letters, digits and -._~+/ only, = at the end)' }),
  );
  expect(() => resolveCredential({}, { SEGQC_DICOMWEB_TOKEN: 'line\nbreak' })).toThrow('the access token from SEGQC_DICOMWEB_TOKEN is not a bearer token');
  expect(() => resolveCredential({ tokenFile, token: 't' }, {})).toThrow(expect.objectContaining({ name: 'UsageError', message: 'give --token-file FILE or --token TOKEN, not both' }));
});
