// With sign-in on, the seed stores each demo adjudication as its signed-in adjudicator would through
// the gateway (issue 15): her reference SEG and her VERIFIED report each signed for her by the
// gateway's own signing (signStoredObjectForUser: Verification Signature, SHA-256, the stream dcmsign
// verifies, the standard stream's SHA-256 for the journal); both hers in the journal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SIGNATURE_PURPOSES, macStream, readPart10, sha256Hex, verifyDatasetSignatures } from '@segqc/core';
import { generateDemoFiles } from '@segqc/demo-data';
import { demoSigningCertificate, nodeVerifier, reportSignerOf, type SigningCertificate } from '@segqc/gateway';
import { demoAdjudicatorSignIn } from './demoAdjudicatorSignIn';
import { signedInAdjudicationObject, type SignedInAdjudicator } from './signedInAdjudicationObject';

jest.setTimeout(120_000);

const ISSUER = 'http://127.0.0.1:3002';
const files = new Map([...generateDemoFiles({ cases: ['ct-01'], adjudicatorAuthentication: { issuer: ISSUER, subject: 'mlindqvist' } })].map((file) => [file.path, file.bytes]));
const report = files.get('ct-01/sr/adjudication.dcm')!;
const referenceSeg = files.get('ct-01/reference/adjudicated.dcm')!;
const HER = { issuer: ISSUER, subject: 'mlindqvist', login: 'mlindqvist', roles: ['adjudicator'] };

let dir: string;
let certificate: SigningCertificate;
let adjudicator: SignedInAdjudicator;
let now: Date;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-signed-in-adjudication-'));
  certificate = demoSigningCertificate(join(dir, 'signing'));
  // After the certificate is made: dcmsign refuses a signature made before its validity.
  now = new Date();
  adjudicator = { identity: demoAdjudicatorSignIn(ISSUER, new Date(now.getTime() - 1000)), signer: reportSignerOf({ certificatePem: certificate.certificatePem, privateKeyPem: certificate.privateKeyPem }) };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('her report carries one Verification Signature by the demo signer, valid under the demo CA, over the report as written', () => {
  const signed = signedInAdjudicationObject(report, 'report', adjudicator, 'ct-01/sr/adjudication.dcm', now);
  const [check, ...others] = verifyDatasetSignatures(signed.bytes, nodeVerifier({ trustedCertificates: [certificate.caCertificatePem] }));
  expect(others).toEqual([]);
  expect(check).toMatchObject({ valid: true, macAlgorithm: 'SHA256', purpose: SIGNATURE_PURPOSES.verification, macStreamVariant: 'dcmtk' });
  const { DigitalSignaturesSequence: _signatures, MACParametersSequence: _mac, ...content } = readPart10(signed.bytes).dataset;
  expect(content).toEqual(readPart10(report).dataset);

  const signedTags = (readPart10(signed.bytes).dataset['MACParametersSequence'] as Array<Record<string, number[]>>)[0]!['DataElementsSigned']!;
  expect(signed.author).toEqual(HER);
  expect(signed.signature).toEqual({
    uid: check!.signatureUid,
    purpose: '5',
    signedAt: check!.dateTime,
    authenticatedAt: new Date(now.getTime() - 1000).toISOString(),
    standardStreamSha256: sha256Hex(macStream(signed.bytes, signedTags, 'standard')),
  });
});

test('her reference SEG carries one Verification Signature under the Authorization profile, over its pixels and segments as written', () => {
  const signed = signedInAdjudicationObject(referenceSeg, 'reference-seg', adjudicator, 'ct-01/reference/adjudicated.dcm', now);
  const [check, ...others] = verifyDatasetSignatures(signed.bytes, nodeVerifier({ trustedCertificates: [certificate.caCertificatePem] }));
  expect(others).toEqual([]);
  expect(check).toMatchObject({ valid: true, macAlgorithm: 'SHA256', purpose: SIGNATURE_PURPOSES.verification, macStreamVariant: 'dcmtk' });
  expect(check!.keywordsSigned).toEqual(expect.arrayContaining(['PixelData', 'SegmentSequence', 'ContentLabel', 'ContentCreatorName', 'SOPInstanceUID']));
  const { DigitalSignaturesSequence: _signatures, MACParametersSequence: _mac, ...content } = readPart10(signed.bytes).dataset;
  expect(content).toEqual(readPart10(referenceSeg).dataset);
  expect(signed.author).toEqual(HER);
  expect(signed.signature).toMatchObject({ uid: check!.signatureUid, purpose: '5', authenticatedAt: new Date(now.getTime() - 1000).toISOString() });
});
