import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildQcReport, macStream, rawDatasetOfPart10, sha256Hex, uidFromName, verifyDatasetSignatures, writePart10, SIGNATURE_PURPOSES, type RawElement } from '@segqc/core';
import { demoSigningCertificate, nodeVerifier, reportSignerOf, signStoredObjectForUser, ReportSigningError, type ReportSigner, type SigningCertificate } from '@segqc/gateway';
import { demoReport } from '../../../core/src/sr/qcReport.fixture';
import { signWithKey } from './signWithKey';

// Why: a VERIFIED report `segqc adjudicate --signing-key` writes must carry the signature the gateway
// would make (Structured Report profile, Verification Signature, the certificate in the object, the
// stream dcmsign 3.6.7 verifies) and nothing else of it may change. Stored through a gateway that signs
// too, the gateway adds its own signature for the signed-in user: both must stand, each verifying on
// its own (PS3.15 C.12.1.1.3: neither the Digital Signatures nor the MAC Parameters Sequence is signed).

jest.setTimeout(120_000);

let dir: string;
let keyFile: SigningCertificate;
let site: SigningCertificate;
let cliSigner: ReportSigner;
let siteSigner: ReportSigner;
let report: Uint8Array;
let now: Date;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-sign-with-key-'));
  keyFile = demoSigningCertificate(join(dir, 'batch'), 'SegQC batch adjudication');
  site = demoSigningCertificate(join(dir, 'site'), 'SegQC site signer');
  cliSigner = reportSignerOf({ certificatePem: keyFile.certificatePem, privateKeyPem: keyFile.privateKeyPem });
  siteSigner = reportSignerOf({ certificatePem: site.certificatePem, privateKeyPem: site.privateKeyPem });
  now = new Date(Math.max(Date.now(), cliSigner.validFrom.getTime(), siteSigner.validFrom.getTime()));
  const { init } = demoReport('ct-01', ['rivera', 'chen'], {
    sopInstanceUid: uidFromName('sign-report-with-key/verified'),
    observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', role: 'adjudicator' },
    verification: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', dateTime: '20260302113000' },
  });
  report = writePart10(buildQcReport(init));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SIGNATURE_SEQUENCES = new Set([0xfffafffa, 0x4ffe0001]);
/** Every top-level element but the two signature sequences, as bytes. */
const unsignedPart = (bytes: Uint8Array) => rawDatasetOfPart10(bytes).filter((element: RawElement) => !SIGNATURE_SEQUENCES.has(element.tag)).map((element) => JSON.stringify(element, (_key, value) => (value instanceof Uint8Array ? Buffer.from(value).toString('hex') : value)));
const trusting = (...certificates: SigningCertificate[]) => nodeVerifier({ trustedCertificates: certificates.map((c) => c.caCertificatePem), at: now });

test("signed with the key file: one Verification Signature over dcmsign's stream, by the file's certificate, the report otherwise unchanged", () => {
  const signed = signWithKey(report, 'verified-qc-report', cliSigner, now);
  const [check, ...others] = verifyDatasetSignatures(signed.bytes, trusting(keyFile));
  expect(others).toEqual([]);
  expect([check.valid, check.signatureUid, check.macStreamVariant, check.macAlgorithm, check.purpose]).toEqual([true, signed.signature.uid, 'dcmtk', 'SHA256', SIGNATURE_PURPOSES.verification]);
  expect(signed.signature.standardStreamSha256).toBe(sha256Hex(macStream(signed.bytes, check.tagsSigned, 'standard')));
  expect(Buffer.from(check.certificateDer!).equals(Buffer.from(keyFile.certificateDer))).toBe(true);
  expect(check.keywordsSigned).toEqual(expect.arrayContaining(['SOPInstanceUID', 'VerificationFlag', 'VerifyingObserverSequence', 'ContentSequence']));
  expect(unsignedPart(signed.bytes)).toEqual(unsignedPart(report));
  // Another CA does not vouch for it.
  expect(verifyDatasetSignatures(signed.bytes, trusting(site))[0].valid).toBe(false);
});

test("then signed by a gateway for the signed-in user: two signatures, each valid by its own certificate, the key file's unchanged", () => {
  const cli = signWithKey(report, 'verified-qc-report', cliSigner, now);
  const user = { issuer: 'https://idp.hospital.example', subject: 'subject-of-mlindqvist', login: 'mlindqvist', roles: ['adjudicator' as const], authTime: now };
  const both = signStoredObjectForUser(cli.bytes, 'verified-qc-report', siteSigner, user, now, 'part 1').bytes;
  const checks = verifyDatasetSignatures(both, trusting(keyFile, site));
  expect(checks.map((check) => [check.valid, check.signatureUid, check.macIdNumber])).toEqual([[true, cli.signature.uid, 0], [true, expect.any(String), 1]]);
  expect(checks.map((check) => Buffer.from(check.certificateDer!).toString('base64'))).toEqual([keyFile, site].map((c) => Buffer.from(c.certificateDer).toString('base64')));
  expect(unsignedPart(both)).toEqual(unsignedPart(report));
});

test('a certificate no longer valid at the signing time: ReportSigningError, nothing signed', () => {
  const later = new Date(cliSigner.validTo.getTime() + 1000);
  expect(() => signWithKey(report, 'verified-qc-report', cliSigner, later)).toThrow(ReportSigningError);
});
