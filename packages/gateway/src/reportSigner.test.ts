import { mkdtempSync, rmSync } from 'node:fs';
import { generateKeyPairSync } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSigningCertificate, type SigningCertificate } from './dicomSignature';
import { GatewayConfigError } from './gatewayConfigError';
import { reportSignerOf, signingStartupLine } from './reportSigner';

// The site's signer is checked at start: a key that is not the certificate's stops the gateway there,
// not at the first signature; the start-up line says which certificate signs.
jest.setTimeout(60_000);

let dir: string;
let certificate: SigningCertificate;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-report-signer-'));
  certificate = demoSigningCertificate(join(dir, 'signing'), 'Test Site signer');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a certificate and its key: the certificate in the object, five minutes of sign-in by default', () => {
  const signer = reportSignerOf({ certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem });
  expect(Buffer.from(signer.certificateDer).equals(Buffer.from(certificate.certificateDer))).toBe(true);
  expect(signer.maxAuthAgeSeconds).toBe(300);
  expect(signer.description).toMatch(/^"O=SegQC demo, CN=Test Site signer" issued by "O=SegQC demo, CN=SegQC demo CA", serial [0-9A-F]+, valid until \d{4}-\d\d-\d\dT/);
});

test('a key that is not the certificate\'s, or an unreadable certificate, stops the start', () => {
  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  expect(() => reportSignerOf({ certificatePem: certificate.certificatePem, privateKeyPem: otherKey })).toThrow(new GatewayConfigError("signing: the private key is not the signer certificate's"));
  expect(() => reportSignerOf({ certificatePem: 'not a certificate', privateKeyPem: certificate.privateKeyPem })).toThrow(/^signing: the signer certificate is not an X\.509 certificate/);
  expect(() => reportSignerOf({ certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem, maxAuthAgeSeconds: 0 })).toThrow('signing: maxAuthAgeSeconds 0 is not a whole number of seconds from 1');
});

test('the start-up line names the certificate that signs, or why nothing is signed', () => {
  const settings = { certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem, maxAuthAgeSeconds: 120 };
  expect(signingStartupLine(settings, true)).toMatch(/^VERIFIED QC reports are signed for the signed-in user, after a sign-in within 120 s, with the certificate "O=SegQC demo, CN=Test Site signer"/);
  expect(signingStartupLine(settings, false)).toMatch(/^VERIFIED QC reports are stored unsigned: sign-in is off/);
  expect(signingStartupLine(undefined, true)).toBe('VERIFIED QC reports are stored unsigned (no signer certificate: SEGQC_SIGNING_CERT_FILE and SEGQC_SIGNING_KEY_FILE)');
  expect(signingStartupLine(undefined, false)).toBeUndefined();
});
