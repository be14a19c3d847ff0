import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayConfigError } from './gatewayConfigError';
import { maxAuthAgeOf, signingSettingsOf } from './signingEnvironment';

// The signing key is refused when others may read it (a key others read signs for anyone), as the
// CLI refuses a token file; the certificate is public.
let dir: string;
let certificate: string;
let key: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-signing-env-'));
  certificate = join(dir, 'signer.pem');
  key = join(dir, 'signer.key');
  writeFileSync(certificate, '-----BEGIN CERTIFICATE-----\ncert\n-----END CERTIFICATE-----\n', { mode: 0o644 });
  writeFileSync(key, '-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n', { mode: 0o600 });
  chmodSync(key, 0o600);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('neither setting: nothing is signed; both: the two PEM texts', () => {
  expect(signingSettingsOf({})).toBeUndefined();
  expect(signingSettingsOf({ SEGQC_SIGNING_CERT_FILE: certificate, SEGQC_SIGNING_KEY_FILE: key })).toEqual({
    certificatePem: '-----BEGIN CERTIFICATE-----\ncert\n-----END CERTIFICATE-----\n',
    privateKeyPem: '-----BEGIN PRIVATE KEY-----\nkey\n-----END PRIVATE KEY-----\n',
  });
});

test('one without the other is refused', () => {
  expect(() => signingSettingsOf({ SEGQC_SIGNING_CERT_FILE: certificate })).toThrow(
    new GatewayConfigError('SEGQC_SIGNING_CERT_FILE and SEGQC_SIGNING_KEY_FILE go together: the signer certificate and its private key (PEM)'),
  );
});

(process.platform === 'win32' ? test.skip : test)('a key file group or others may read is refused, naming the fix', () => {
  const open = join(dir, 'open.key');
  writeFileSync(open, 'key', { mode: 0o640 });
  chmodSync(open, 0o640);
  expect(() => signingSettingsOf({ SEGQC_SIGNING_CERT_FILE: certificate, SEGQC_SIGNING_KEY_FILE: open })).toThrow(
    new GatewayConfigError(`SEGQC_SIGNING_KEY_FILE=${open}: permissions 0640 are too open, other users have access to the signing key; chmod 600 ${open}`),
  );
  expect(() => signingSettingsOf({ SEGQC_SIGNING_CERT_FILE: certificate, SEGQC_SIGNING_KEY_FILE: join(dir, 'missing.key') })).toThrow(`SEGQC_SIGNING_KEY_FILE=${join(dir, 'missing.key')} cannot be read: ENOENT`);
});

test('SEGQC_SIGNING_MAX_AUTH_AGE sets how fresh a sign-in must be to sign; a value that is not whole seconds is refused', () => {
  expect(maxAuthAgeOf({})).toEqual({});
  expect(maxAuthAgeOf({ SEGQC_SIGNING_MAX_AUTH_AGE: '120' })).toEqual({ maxAuthAgeSeconds: 120 });
  expect(signingSettingsOf({ SEGQC_SIGNING_CERT_FILE: certificate, SEGQC_SIGNING_KEY_FILE: key, SEGQC_SIGNING_MAX_AUTH_AGE: '60' })?.maxAuthAgeSeconds).toBe(60);
  for (const text of ['0', '2.5', 'soon']) expect(() => maxAuthAgeOf({ SEGQC_SIGNING_MAX_AUTH_AGE: text })).toThrow(GatewayConfigError);
});
