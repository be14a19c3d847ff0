// The gateway's signing step (issue 15): in a STOW body it signs each VERIFIED QC report for the
// signed-in user — Structured Report profile, Verification Signature (CID 7007 code 5), SHA-256, the
// site's certificate in the object, the stream dcmsign 3.6.7 verifies — and forwards everything else
// byte for byte; without a fresh sign-in it signs nothing and asks for one (RFC 9470 step-up).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildQcReport, macStream, multipartRelatedBody, parseMultipartRelated, readPart10, rawDatasetOfPart10, verifyDatasetSignatures, writePart10, uidFromName,
  EXPLICIT_VR_LITTLE_ENDIAN, SIGNATURE_PURPOSES,
} from '@segqc/core';
import { demoReport } from '../../core/src/sr/qcReport.fixture';
import type { TokenIdentity } from './accessTokens';
import { demoSigningCertificate, nodeVerifier, type SigningCertificate } from './dicomSignature';
import { reportSignerOf, type ReportSigner } from './reportSigner';
import { StepUpRequired, signedStoreBody } from './signedStoreBody';
import { StoreRefusal } from './storeRefusal';

jest.setTimeout(120_000);

/** After the certificate is made: a signature's time lies within its validity (dcmsign checks). */
let NOW: Date;
const ISSUER = 'https://idp.hospital.example';
const maria = (authTime: Date | undefined): TokenIdentity => ({
  issuer: ISSUER, subject: 'subject-of-mlindqvist', login: 'mlindqvist', roles: ['adjudicator'], ...(authTime ? { authTime } : {}),
});
const secondsAgo = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

function report(verified: boolean, name: string): Uint8Array {
  const authentication = { issuer: ISSUER, subject: 'subject-of-mlindqvist' };
  const { init } = demoReport('ct-01', ['rivera', 'chen'], {
    sopInstanceUid: uidFromName(`signed-store-body/${name}`),
    observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', role: verified ? 'adjudicator' : 'reviewer', authentication },
    ...(verified ? { verification: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', dateTime: '20260302113000', authentication } } : {}),
  });
  return writePart10(buildQcReport(init));
}

let dir: string;
let certificate: SigningCertificate;
let signer: ReportSigner;
let verified: Uint8Array;
let unverified: Uint8Array;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-signed-store-body-'));
  certificate = demoSigningCertificate(join(dir, 'signing'));
  signer = reportSignerOf({ certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem });
  NOW = new Date(Math.max(Date.now(), signer.validFrom.getTime()));
  verified = report(true, 'verified');
  unverified = report(false, 'unverified');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a VERIFIED report is signed for the user; the unverified one beside it goes byte for byte', () => {
  const { body, contentType } = multipartRelatedBody([unverified, verified], 'signing-boundary');
  const authTime = secondsAgo(42);
  const signed = signedStoreBody(body, contentType, signer, maria(authTime), NOW);
  const [first, second] = parseMultipartRelated(signed.body, contentType);
  expect(Buffer.from(first!.body).equals(Buffer.from(unverified))).toBe(true);

  const bytes = second!.body;
  const [check, ...others] = verifyDatasetSignatures(bytes, nodeVerifier({ trustedCertificates: [certificate.caCertificatePem] }));
  expect(others).toEqual([]);
  expect(check).toMatchObject({ valid: true, macAlgorithm: 'SHA256', macTransferSyntaxUid: EXPLICIT_VR_LITTLE_ENDIAN, purpose: SIGNATURE_PURPOSES.verification, macStreamVariant: 'dcmtk' });
  expect(Buffer.from(check!.certificateDer!).equals(Buffer.from(certificate.certificateDer))).toBe(true);
  expect(check!.keywordsSigned).toEqual(expect.arrayContaining(['SOPInstanceUID', 'VerificationFlag', 'VerifyingObserverSequence', 'ContentSequence']));

  // Nothing of the report changed but the signature added: every element as before, in its transfer syntax.
  const { meta, dataset } = readPart10(bytes);
  expect(meta['TransferSyntaxUID']).toBe(EXPLICIT_VR_LITTLE_ENDIAN);
  const { DigitalSignaturesSequence: _signatures, MACParametersSequence: _mac, ...rest } = dataset;
  expect(rest).toEqual(readPart10(verified).dataset);
  // The UTF-8 text of the content tree as it was (dcmjs alone would re-encode it as mojibake).
  expect(Buffer.from(bytes).includes(Buffer.from('jaccard: |A∩B| / |A∪B|', 'utf8'))).toBe(true);

  const sopInstanceUid = uidFromName('signed-store-body/verified');
  expect([...signed.signatures.keys()]).toEqual([sopInstanceUid]);
  const signature = signed.signatures.get(sopInstanceUid)!;
  expect(signature).toEqual({
    uid: check!.signatureUid,
    purpose: '5',
    signedAt: check!.dateTime,
    authenticatedAt: authTime.toISOString(),
    standardStreamSha256: createHash('sha256').update(macStream(rawDatasetOfPart10(bytes), check!.tagsSigned, 'standard')).digest('hex'),
  });
  expect(signature.signedAt).toMatch(/^\d{14}\.\d{6}\+0000$/);
  // The standard stream is the whole of the signed elements: longer than what dcmsign digests of a nested report.
  expect(check!.streamBytes!.standard).toBeGreaterThan(check!.streamBytes!.signed);
});

test('a body without a VERIFIED report is forwarded as it is, whatever the sign-in', () => {
  const { body, contentType } = multipartRelatedBody([unverified], 'unsigned-boundary');
  const result = signedStoreBody(body, contentType, signer, maria(undefined), NOW);
  expect(result.body).toBe(body);
  expect(result.signatures.size).toBe(0);
});

test.each([
  ['no auth_time', undefined, 'the access token does not say when you signed in (no auth_time claim): sign in again to sign'],
  ['a sign-in ten minutes ago', 600, 'you signed in 600 s ago; signing needs a sign-in within the last 300 s: sign in again to sign'],
])('a VERIFIED report with %s is not signed: the step-up names the maximum age', (_name, age, reason) => {
  const { body, contentType } = multipartRelatedBody([unverified, verified], 'stale-boundary');
  const error = (() => {
    try {
      signedStoreBody(body, contentType, signer, maria(age === undefined ? undefined : secondsAgo(age)), NOW);
    } catch (caught) {
      return caught;
    }
  })();
  expect(error).toBeInstanceOf(StepUpRequired);
  expect(error).toMatchObject({ maxAgeSeconds: 300, message: reason });
});

test('the maximum age is the site\'s setting', () => {
  const patient = reportSignerOf({ certificateDer: certificate.certificateDer, sign: signer.sign, maxAuthAgeSeconds: 900 });
  const { body, contentType } = multipartRelatedBody([verified], 'patient-boundary');
  expect(signedStoreBody(body, contentType, patient, maria(secondsAgo(600)), NOW).signatures.size).toBe(1);
});

test('a VERIFIED part declaring its own Content-Length is refused: its length changes when signed', () => {
  const { body, contentType } = multipartRelatedBody([verified], 'length-boundary');
  const withLength = Buffer.from(Buffer.from(body).toString('latin1').replace('Content-Type: application/dicom\r\n', `Content-Type: application/dicom\r\nContent-Length: ${verified.length}\r\n`), 'latin1');
  expect(() => signedStoreBody(withLength, contentType, signer, maria(secondsAgo(10)), NOW)).toThrow(
    new StoreRefusal(400, 'part 1 declares a Content-Length: the gateway signs this VERIFIED report for you and cannot keep it; send the part without one'),
  );
});
