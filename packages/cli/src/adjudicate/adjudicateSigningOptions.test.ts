import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoSigningCertificate, type SigningCertificate } from '@segqc/gateway';
import { CredentialError } from '../auth/CredentialError';
import { run } from '../main';
import { errorMessageOf, usageErrorOf } from '../usageErrorOf.fixture';
import { parseAdjudicateOptions } from './adjudicateOptions';

// Why: `segqc adjudicate --signing-cert --signing-key` signs VERIFIED reports unattended with a key
// file. The pair must be given whole, the key must be the certificate's and the certificate valid,
// and a key file other users can read must be refused — each as one line with exit code 2, before
// anything is read from or stored in the PACS.

jest.setTimeout(60_000);

const DECIDE = ['--pacs', 'https://pacs.example/dicom-web', '--study', '1.2.3', '--accept', 'arivera', '--reason', 'wrongLabel', '--adjudicator', 'Lindqvist^Maria', '--login', 'mlindqvist'];
const NO_ENV = {};

let dir: string;
let signer: SigningCertificate;
let other: SigningCertificate;
let openKey: string;
let notPem: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-adjudicate-signing-'));
  signer = demoSigningCertificate(join(dir, 'signer'));
  other = demoSigningCertificate(join(dir, 'other'), 'another signer');
  openKey = join(dir, 'open.key');
  copyFileSync(signer.files.signerKey, openKey);
  chmodSync(openKey, 0o644);
  notPem = join(dir, 'not.pem');
  writeFileSync(notPem, 'not a certificate\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const flags = (certificate: string, key: string) => ['--signing-cert', certificate, '--signing-key', key];
const parse = (args: string[], env: NodeJS.ProcessEnv = NO_ENV, now?: Date) => parseAdjudicateOptions([...DECIDE, ...args], env, now);
const signerCertificate = (args: string[], env: NodeJS.ProcessEnv = NO_ENV) => Buffer.from(parse(args, env).signer!.certificateDer).toString('base64');
const derOf = (certificate: SigningCertificate) => Buffer.from(certificate.certificateDer).toString('base64');

test('--signing-cert and --signing-key: the signer of that certificate, valid until its end', () => {
  const { signer: parsed } = parse(flags(signer.files.signerCertificate, signer.files.signerKey));
  expect(Buffer.from(parsed!.certificateDer).equals(Buffer.from(signer.certificateDer))).toBe(true);
  expect(parsed!.description).toMatch(/^"O=SegQC demo, CN=SegQC demo signer" issued by "O=SegQC demo, CN=SegQC demo CA", serial /);
});

test("the gateway's variables when no flag is given; the flags over them; neither (or empty): nothing is signed", () => {
  const env = { SEGQC_SIGNING_CERT_FILE: other.files.signerCertificate, SEGQC_SIGNING_KEY_FILE: other.files.signerKey };
  expect(signerCertificate([], env)).toBe(derOf(other));
  expect(signerCertificate(flags(signer.files.signerCertificate, signer.files.signerKey), env)).toBe(derOf(signer));
  expect(parse([]).signer).toBeNull();
  expect(parse([], { SEGQC_SIGNING_CERT_FILE: '', SEGQC_SIGNING_KEY_FILE: '' }).signer).toBeNull();
});

test.each<[string, () => string[], NodeJS.ProcessEnv, string]>([
  ['--signing-cert alone', () => ['--signing-cert', signer.files.signerCertificate], NO_ENV, '--signing-cert FILE and --signing-key FILE go together: the signer certificate and its private key (PEM)'],
  ['--signing-key alone', () => ['--signing-key', signer.files.signerKey], NO_ENV, '--signing-cert FILE and --signing-key FILE go together: the signer certificate and its private key (PEM)'],
  // The flags are a pair of their own: one flag is not completed by the other variable.
  ['--signing-cert with SEGQC_SIGNING_KEY_FILE', () => ['--signing-cert', signer.files.signerCertificate], { SEGQC_SIGNING_KEY_FILE: '/k' }, '--signing-cert FILE and --signing-key FILE go together: the signer certificate and its private key (PEM)'],
  ['SEGQC_SIGNING_CERT_FILE alone', () => [], { SEGQC_SIGNING_CERT_FILE: '/c' }, 'SEGQC_SIGNING_CERT_FILE and SEGQC_SIGNING_KEY_FILE are set together: the signer certificate and its private key (PEM)'],
  ['SEGQC_SIGNING_KEY_FILE alone', () => [], { SEGQC_SIGNING_KEY_FILE: '/k' }, 'SEGQC_SIGNING_CERT_FILE and SEGQC_SIGNING_KEY_FILE are set together: the signer certificate and its private key (PEM)'],
])('%s: a usage error', (_name, args, env, message) => {
  expect(usageErrorOf(() => parse(args(), env))).toBe(message);
});

test('--signing-cert or --signing-key without a value, or twice: a usage error', () => {
  expect(usageErrorOf(() => parse(['--signing-cert', '--signing-key', signer.files.signerKey]))).toMatch(/^--signing-cert needs a value; usage: segqc adjudicate /);
  expect(usageErrorOf(() => parse([...flags(signer.files.signerCertificate, signer.files.signerKey), '--signing-key', signer.files.signerKey]))).toBe('--signing-key is given twice');
});


test('a key file group or others can read is refused, named as it was given (flag or variable)', () => {
  expect(errorMessageOf(() => parse(flags(signer.files.signerCertificate, openKey)), CredentialError))
    .toBe(`--signing-key ${openKey}: permissions 0644 are too open, other users have access to it; chmod 600 ${openKey}`);
  expect(errorMessageOf(() => parse([], { SEGQC_SIGNING_CERT_FILE: signer.files.signerCertificate, SEGQC_SIGNING_KEY_FILE: openKey }), CredentialError))
    .toBe(`SEGQC_SIGNING_KEY_FILE ${openKey}: permissions 0644 are too open, other users have access to it; chmod 600 ${openKey}`);
});

test("another certificate's key, or a file that is no certificate: a usage error naming both files", () => {
  const cert = signer.files.signerCertificate;
  expect(usageErrorOf(() => parse(flags(cert, other.files.signerKey))))
    .toBe(`--signing-cert ${cert}, --signing-key ${other.files.signerKey}: the private key is not the signer certificate's`);
  expect(usageErrorOf(() => parse(flags(notPem, signer.files.signerKey)))).toMatch(new RegExp(`^--signing-cert ${notPem}, --signing-key ${signer.files.signerKey}: the signer certificate is not an X\\.509 certificate \\(`));
});

test('a certificate not valid at the time of the run (not yet, or no longer): a usage error with its validity', () => {
  const { validFrom, validTo } = parse(flags(signer.files.signerCertificate, signer.files.signerKey)).signer!;
  const day = 86_400_000;
  const validity = `(valid ${validFrom.toISOString()} to ${validTo.toISOString()})`;
  for (const now of [new Date(validFrom.getTime() - day), new Date(validTo.getTime() + day)]) {
    expect(usageErrorOf(() => parse(flags(signer.files.signerCertificate, signer.files.signerKey), NO_ENV, now)))
      .toBe(`--signing-cert ${signer.files.signerCertificate}: the signer certificate is not valid now ${validity}`);
  }
});

test('through the command line: an open key file is one line on stderr with exit code 2, before any request', () => {
  let out = '';
  let err = '';
  // Port 9 (discard): a request would fail as a case, not as this usage error.
  const args = ['adjudicate', ...DECIDE.map((arg) => (arg.startsWith('https://') ? 'http://127.0.0.1:9/dicom-web' : arg)), ...flags(signer.files.signerCertificate, openKey)];
  const code = run(args, (text) => (out += text), (text) => (err += text));
  expect([code, out, err]).toEqual([2, '', `segqc: --signing-key ${openKey}: permissions 0644 are too open, other users have access to it; chmod 600 ${openKey}\n`]);
});
