// The gateway's signing step (issue 15): in a STOW body, once the role policy has classed its parts,
// it signs each VERIFIED QC report (Structured Report profile) and each adjudicated reference SEG
// (Authorization profile) for the signed-in user — Verification Signature (CID 7007 code 5), SHA-256,
// the site's certificate in the object, the stream dcmsign 3.6.7 verifies — and forwards everything
// else byte for byte; without a fresh sign-in it signs nothing and asks for one (RFC 9470 step-up).
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildBinarySeg, buildQcReport, firstText, macStream, multipartRelatedBody, parseMultipartRelated, readPart10, rawDatasetOfPart10, verifyDatasetSignatures, writePart10, uidFromName,
  EXPLICIT_VR_LITTLE_ENDIAN, SIGNATURE_PURPOSES, type JournalSignature,
} from '@segqc/core';
import { fixtureInput, syntheticSeries } from '../../core/src/seg/syntheticSource.fixture';
import { demoReport } from '../../core/src/sr/qcReport.fixture';
import type { TokenIdentity } from './accessTokens';
import { demoSigningCertificate, nodeVerifier, type SigningCertificate } from './dicomSignature';
import { reportSignerOf, type ReportSigner } from './reportSigner';
import { StepUpRequired, signedStoreBody } from './signedStoreBody';
import { forwardedBody, storeBodyOf } from './storeBody';
import { checkStoreBody } from './storePolicy';
import { StoreRefusal } from './storeRefusal';

jest.setTimeout(120_000);

/** After the certificate is made: a signature's time lies within its validity (dcmsign checks). */
let NOW: Date;
const ISSUER = 'https://idp.hospital.example';
const maria = (authTime: Date | undefined): TokenIdentity => ({
  issuer: ISSUER, subject: 'subject-of-mlindqvist', login: 'mlindqvist', roles: ['adjudicator', 'reviewer'], ...(authTime ? { authTime } : {}),
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

/** Her adjudicated reference SEG, naming her (with her sign-in) as its creator. */
function referenceSeg(): Uint8Array {
  const base = fixtureInput(syntheticSeries());
  return writePart10(buildBinarySeg({
    ...base,
    contentLabel: 'ADJUDICATED',
    creator: { name: 'Lindqvist^Maria', login: 'mlindqvist', institutionName: 'SegQC Demo Hospital', authentication: { issuer: ISSUER, subject: 'subject-of-mlindqvist' } },
    sopInstanceUID: uidFromName('signed-store-body/reference-seg'),
    seriesInstanceUID: uidFromName('signed-store-body/reference-series'),
  }));
}

/** The body through the gateway's checks and signing, as it goes to the PACS, and the signatures added by SOP Instance UID. */
function signedStoreBodyOf(body: Uint8Array, contentType: string, user: TokenIdentity, now: Date, by: ReportSigner = signer): { body: Uint8Array; signatures: Map<string, JournalSignature> } {
  const store = signedStoreBody(checkStoreBody(storeBodyOf(body, contentType), user, 'viewer.hospital.example'), by, user, now);
  return { body: forwardedBody(store), signatures: new Map(store.parts.flatMap((part) => (part.signature ? [[firstText(part.header!['SOPInstanceUID'])!, part.signature] as const] : []))) };
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
  const signed = signedStoreBodyOf(body, contentType, maria(authTime), NOW);
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

test('her adjudicated reference SEG is signed too: Authorization profile, its pixels and segments, the SEG otherwise byte for byte', () => {
  const seg = referenceSeg();
  const { body, contentType } = multipartRelatedBody([seg, verified], 'reference-boundary');
  const signed = signedStoreBodyOf(body, contentType, maria(secondsAgo(5)), NOW);
  const [segPart] = parseMultipartRelated(signed.body, contentType);
  const [check, ...others] = verifyDatasetSignatures(segPart!.body, nodeVerifier({ trustedCertificates: [certificate.caCertificatePem] }));
  expect(others).toEqual([]);
  // A SEG this small is all inside DCMTK's first buffer: its stream is the standard one, and the signature covers everything it names.
  expect(check).toMatchObject({ valid: true, purpose: SIGNATURE_PURPOSES.verification, coversAllSignedData: true });
  expect(check!.keywordsSigned).toEqual(expect.arrayContaining(['PixelData', 'SegmentSequence', 'PerFrameFunctionalGroupsSequence', 'ContentLabel', 'ContentCreatorName']));
  const { DigitalSignaturesSequence: _signatures, MACParametersSequence: _mac, ...rest } = readPart10(segPart!.body).dataset;
  expect(rest).toEqual(readPart10(seg).dataset);
  expect([...signed.signatures.keys()].sort()).toEqual([uidFromName('signed-store-body/reference-seg'), uidFromName('signed-store-body/verified')].sort());
  expect(signed.signatures.get(uidFromName('signed-store-body/reference-seg'))!.uid).toBe(check!.signatureUid);
});

test('a body without a VERIFIED report is forwarded as it is, whatever the sign-in', () => {
  const { body, contentType } = multipartRelatedBody([unverified], 'unsigned-boundary');
  const result = signedStoreBodyOf(body, contentType, maria(undefined), NOW);
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
      signedStoreBodyOf(body, contentType, maria(age === undefined ? undefined : secondsAgo(age)), NOW);
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
  expect(signedStoreBodyOf(body, contentType, maria(secondsAgo(600)), NOW, patient).signatures.size).toBe(1);
});

test('a VERIFIED part declaring its own Content-Length is refused: its length changes when signed', () => {
  const { body, contentType } = multipartRelatedBody([verified], 'length-boundary');
  const withLength = Buffer.from(Buffer.from(body).toString('latin1').replace('Content-Type: application/dicom\r\n', `Content-Type: application/dicom\r\nContent-Length: ${verified.length}\r\n`), 'latin1');
  expect(() => signedStoreBodyOf(withLength, contentType, maria(secondsAgo(10)), NOW)).toThrow(
    new StoreRefusal(400, 'part 1 declares a Content-Length: the gateway signs this object for you and cannot keep it; send the part without one'),
  );
});
