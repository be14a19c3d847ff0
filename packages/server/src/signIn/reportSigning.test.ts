import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../startupError';
import { reportSigningOf } from './reportSigning';
import { signInChoice } from './signInEnvironment';

// Who signs the VERIFIED reports `npm start` stores: the demo signer (made once in the data folder)
// with the demo sign-in, the site's certificate with the site's, no one without sign-in.
jest.setTimeout(60_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-report-signing-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SITE = { SEGQC_OIDC_ISSUER: 'https://idp.example', SEGQC_OIDC_CLIENT_ID: 'segqc-viewer', SEGQC_OIDC_AUDIENCE: 'segqc' };

test('without sign-in no one signs, even with a certificate named', () => {
  expect(reportSigningOf(signInChoice({}), { SEGQC_SIGNING_CERT_FILE: 'signer.pem', SEGQC_SIGNING_KEY_FILE: 'signer.key' }, join(dir, 'unused'))).toBeUndefined();
  expect(existsSync(join(dir, 'unused'))).toBe(false);
});

test('the demo sign-in: a demo signer and its CA made at the first start, private, and the same after', () => {
  const signingDir = join(dir, 'signing');
  const first = reportSigningOf(signInChoice({ SEGQC_AUTH: 'demo' }), {}, signingDir)!;
  expect(first.demoCaCertificateFile).toBe(join(signingDir, 'ca.pem'));
  expect(statSync(signingDir).mode & 0o777).toBe(0o700);
  expect(statSync(join(signingDir, 'signer.key')).mode & 0o777).toBe(0o600);
  expect(first.settings).toEqual({ certificatePem: readFileSync(join(signingDir, 'signer.pem'), 'utf8'), privateKeyPem: readFileSync(join(signingDir, 'signer.key'), 'utf8') });
  expect(reportSigningOf(signInChoice({ SEGQC_AUTH: 'demo' }), {}, signingDir)).toEqual(first);
});

test("a site's sign-in: the site's certificate and key, none when not named, and an open key file stops the start", () => {
  const site = signInChoice(SITE);
  expect(reportSigningOf(site, SITE, join(dir, 'unused'))).toBeUndefined();
  const certificate = join(dir, 'site.pem');
  const key = join(dir, 'site.key');
  writeFileSync(certificate, 'CERTIFICATE');
  writeFileSync(key, 'KEY', { mode: 0o644 });
  chmodSync(key, 0o644);
  const env = { ...SITE, SEGQC_SIGNING_CERT_FILE: certificate, SEGQC_SIGNING_KEY_FILE: key };
  expect(() => reportSigningOf(site, env, join(dir, 'unused'))).toThrow(new StartupError(`SEGQC_SIGNING_KEY_FILE=${key}: permissions 0644 are too open, other users have access to the signing key; chmod 600 ${key}`));
  chmodSync(key, 0o600);
  expect(reportSigningOf(site, env, join(dir, 'unused'))).toEqual({ settings: { certificatePem: 'CERTIFICATE', privateKeyPem: 'KEY' } });
});
