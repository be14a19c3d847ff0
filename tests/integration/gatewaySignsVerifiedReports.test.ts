import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildQcReport, macStream, multipartRelatedBody, readJournal, readPart10, uidFromName, verifyDatasetSignatures, writePart10, SIGNATURE_PURPOSES, type AuthenticatedIdentity } from '@segqc/core';
import { generateDemoFiles } from '@segqc/demo-data';
import { WriteJournal, demoSigningCertificate, nodeVerifier, type SigningCertificate } from '@segqc/gateway';
import { demoReport } from '../../packages/core/src/sr/qcReport.fixture';
import { dcmsignVerify } from '../harness/dcmsign';
import { pacsFingerprint } from '../harness/pacsFingerprint';
import { startTestIssuer, type TestIssuer } from '../harness/testIssuer';
import { orthancRest, startTestPacs, type TestPacs } from '../harness/testPacs';

// Issue 15: the gateway signs, for the signed-in adjudicator and after a fresh sign-in, each VERIFIED
// QC report and adjudicated reference SEG it forwards — a DICOM Digital Signature that DCMTK's own `dcmsign --verify` accepts — and
// journals the signature. A sign-in older than the site's maximum age gets RFC 9470's step-up
// challenge and stores nothing; without sign-in nothing is signed. Against real Orthancs, with the
// demo signer certificate and real JWTs of a provider found by discovery (testIssuer).
jest.setTimeout(240_000);

const CASE = 'ct-01';
const ADJUDICATOR = { subject: 'subject-of-mlindqvist', login: 'mlindqvist' };

let dir: string;
let signer: SigningCertificate;
let issuer: TestIssuer;
let journal: WriteJournal;
let signedIn: TestPacs;
let withoutSignIn: TestPacs;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-signing-it-'));
  signer = demoSigningCertificate(join(dir, 'signing'));
  const signing = { certificatePem: signer.certificatePem, privateKeyPem: signer.privateKeyPem };
  journal = WriteJournal.open(join(dir, 'writes.jsonl'));
  issuer = await startTestIssuer();
  signedIn = await startTestPacs([CASE], { accessTokens: issuer.verifier, journal, signing });
  withoutSignIn = await startTestPacs([CASE], { signing });
});
afterAll(async () => {
  await signedIn?.stop();
  await withoutSignIn?.stop();
  await issuer?.stop();
  journal?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A VERIFIED QC report observed and verified by the adjudicator, authenticated by `authentication` (self-declared without). */
function verifiedReport(name: string, authentication?: AuthenticatedIdentity): Uint8Array {
  const { init } = demoReport(CASE, ['rivera', 'chen'], {
    sopInstanceUid: uidFromName(`gateway-signs/${name}`),
    observer: { name: 'Lindqvist^Maria', login: ADJUDICATOR.login, role: 'adjudicator', ...(authentication ? { authentication } : {}) },
    verification: { name: 'Lindqvist^Maria', login: ADJUDICATOR.login, organization: 'SegQC Demo Hospital', dateTime: '20260302113000', ...(authentication ? { authentication } : {}) },
  });
  return writePart10(buildQcReport(init));
}

async function stow(pacs: TestPacs, bytes: Uint8Array, authTimeSecondsAgo?: number): Promise<Response> {
  const { body, contentType } = multipartRelatedBody([bytes], 'signing-boundary');
  const headers: Record<string, string> = { 'Content-Type': contentType, Origin: new URL(pacs.dicomwebUrl).origin };
  if (authTimeSecondsAgo !== undefined) {
    const authTime = Math.floor(Date.now() / 1000) - authTimeSecondsAgo;
    headers.Authorization = `Bearer ${await issuer.token(ADJUDICATOR.subject, { roles: ['adjudicator'], preferred_username: ADJUDICATOR.login, auth_time: authTime })}`;
  }
  return fetch(`${pacs.dicomwebUrl}/studies`, { method: 'POST', headers, body });
}

/** Her adjudicated reference SEG of the case, naming her signed in with `issuer`, under a SOP Instance UID of its own. */
function referenceSeg(issuerUrl: string, name: string): Uint8Array {
  const [file] = [...generateDemoFiles({ cases: [CASE], adjudicatorAuthentication: { issuer: issuerUrl, subject: ADJUDICATOR.subject } })].filter((f) => f.path === `${CASE}/reference/adjudicated.dcm`);
  const dataset = readPart10(file!.bytes).dataset;
  return writePart10({ ...dataset, SOPInstanceUID: uidFromName(`gateway-signs/${name}`) });
}

async function storedFile(pacs: TestPacs, sopInstanceUid: string): Promise<Uint8Array> {
  const found = (await (await orthancRest(pacs.orthanc, '/tools/lookup', { method: 'POST', body: sopInstanceUid })).json()) as Array<{ ID: string; Type: string }>;
  const instance = found.find((item) => item.Type === 'Instance');
  if (!instance) throw new Error(`${sopInstanceUid} is not in the PACS`);
  return new Uint8Array(await (await orthancRest(pacs.orthanc, `/instances/${instance.ID}/file`)).arrayBuffer());
}


/** The file offset of the first value byte of the top-level element `tagBytes` (its Explicit VR header: tag, VR, 2-byte length). */
function valueOffset(bytes: Uint8Array, header: number[]): number {
  const at = Buffer.from(bytes).indexOf(Buffer.from(header));
  if (at < 0) throw new Error('element not found');
  return at + 8;
}

test('an adjudicator fresh from sign-in stores a VERIFIED report: it reaches the PACS signed, dcmsign verifies it, and the journal records the signature', async () => {
  const authentication = { issuer: issuer.issuer, subject: ADJUDICATOR.subject };
  const sent = verifiedReport('fresh', authentication);
  const sopInstanceUid = uidFromName('gateway-signs/fresh');
  const answer = await stow(signedIn, sent, 30);
  await answer.arrayBuffer();
  expect(answer.status).toBe(200);

  const stored = await storedFile(signedIn, sopInstanceUid);
  const [check, ...others] = verifyDatasetSignatures(stored, nodeVerifier({ trustedCertificates: [signer.caCertificatePem] }));
  expect(others).toEqual([]);
  expect(check).toMatchObject({ valid: true, macAlgorithm: 'SHA256', purpose: SIGNATURE_PURPOSES.verification, macStreamVariant: 'dcmtk', certificateType: 'X509_1993_SIG' });
  expect(Buffer.from(check!.certificateDer!).equals(Buffer.from(signer.certificateDer))).toBe(true);
  // The report is the one the adjudicator sent, plus the signature.
  const { DigitalSignaturesSequence: _signatures, MACParametersSequence: _mac, ...content } = readPart10(stored).dataset;
  expect(content).toEqual(readPart10(sent).dataset);

  const file = join(dir, 'stored-report.dcm');
  writeFileSync(file, stored);
  const verified = dcmsignVerify(file, signer.files.caCertificate);
  expect(verified.output).toMatch(/Signature Verification\s*:\s*OK/);
  expect(verified.status).toBe(0);
  // One byte of a signed value (VerificationFlag, (0040,A493) CS) changed: dcmsign refuses the file.
  const tampered = new Uint8Array(stored);
  tampered[valueOffset(stored, [0x40, 0x00, 0x93, 0xa4, 0x43, 0x53])] ^= 0x01;
  const tamperedFile = join(dir, 'tampered-report.dcm');
  writeFileSync(tamperedFile, tampered);
  const refused = dcmsignVerify(tamperedFile, signer.files.caCertificate);
  expect(refused.status).not.toBe(0);
  expect(refused.output).toMatch(/Signature Verification\s*:\s*(signature verification failed|.*[Cc]orrupt)/);

  const record = readJournal(readFileSync(join(dir, 'writes.jsonl'), 'utf8')).find((entry) => entry.sopInstanceUid === sopInstanceUid)!;
  expect(record).toMatchObject({ login: ADJUDICATOR.login, subject: ADJUDICATOR.subject, roles: ['adjudicator'], pacsStatus: 200 });
  expect(record.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
  expect(record.signature).toEqual({
    uid: check!.signatureUid,
    purpose: '5',
    signedAt: check!.dateTime,
    authenticatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/),
    standardStreamSha256: createHash('sha256').update(macStream(stored, check!.tagsSigned, 'standard')).digest('hex'),
  });
  const signedAgo = Date.now() - Date.parse(record.signature!.authenticatedAt);
  expect(signedAgo).toBeGreaterThanOrEqual(30_000);
  expect(signedAgo).toBeLessThan(120_000);
});

test("her adjudicated reference SEG, stored fresh from sign-in, reaches the PACS signed under the Authorization profile: dcmsign verifies it, a flipped voxel fails it, the journal records it", async () => {
  const sent = referenceSeg(issuer.issuer, 'reference-seg');
  const sopInstanceUid = uidFromName('gateway-signs/reference-seg');
  const answer = await stow(signedIn, sent, 20);
  await answer.arrayBuffer();
  expect(answer.status).toBe(200);

  const stored = await storedFile(signedIn, sopInstanceUid);
  const [check, ...others] = verifyDatasetSignatures(stored, nodeVerifier({ trustedCertificates: [signer.caCertificatePem] }));
  expect(others).toEqual([]);
  expect(check).toMatchObject({ valid: true, purpose: SIGNATURE_PURPOSES.verification, macStreamVariant: 'dcmtk' });
  expect(check!.keywordsSigned).toEqual(expect.arrayContaining(['PixelData', 'SegmentSequence', 'PerFrameFunctionalGroupsSequence', 'ContentCreatorName']));
  const file = join(dir, 'stored-reference-seg.dcm');
  writeFileSync(file, stored);
  const verified = dcmsignVerify(file, signer.files.caCertificate, 'authorization');
  expect([verified.status, verified.output]).toEqual([0, expect.stringMatching(/Signature Verification\s*:\s*OK/)]);
  // One voxel of the Pixel Data flipped (its last byte): dcmsign refuses the file.
  const tampered = new Uint8Array(stored);
  tampered[valueOffset(stored, [0xe0, 0x7f, 0x10, 0x00, 0x4f, 0x42]) + 4 + 100] ^= 0x01;
  const tamperedFile = join(dir, 'tampered-reference-seg.dcm');
  writeFileSync(tamperedFile, tampered);
  expect(dcmsignVerify(tamperedFile, signer.files.caCertificate, 'authorization').status).not.toBe(0);

  const record = readJournal(readFileSync(join(dir, 'writes.jsonl'), 'utf8')).find((entry) => entry.sopInstanceUid === sopInstanceUid)!;
  expect(record.sha256).toBe(createHash('sha256').update(stored).digest('hex'));
  expect(record.signature).toMatchObject({ uid: check!.signatureUid, purpose: '5', standardStreamSha256: createHash('sha256').update(macStream(stored, check!.tagsSigned, 'standard')).digest('hex') });
});

test('a sign-in ten minutes old gets the step-up challenge (401, max_age) and the PACS is left as it was', async () => {
  const before = await pacsFingerprint(signedIn);
  const journaled = readJournal(readFileSync(join(dir, 'writes.jsonl'), 'utf8')).length;
  const answer = await stow(signedIn, verifiedReport('stale', { issuer: issuer.issuer, subject: ADJUDICATOR.subject }), 600);
  expect(answer.status).toBe(401);
  expect(answer.headers.get('www-authenticate')).toMatch(
    /^Bearer error="insufficient_user_authentication", error_description="you signed in 60\d s ago; signing needs a sign-in within the last 300 s: sign in again to sign", max_age="300"$/,
  );
  expect(await answer.json()).toEqual({ error: 'insufficient-user-authentication', message: expect.stringMatching(/^you signed in 60\d s ago; signing needs a sign-in within the last 300 s/) });
  expect(await pacsFingerprint(signedIn)).toEqual(before);
  expect(readJournal(readFileSync(join(dir, 'writes.jsonl'), 'utf8'))).toHaveLength(journaled);
});

test('without sign-in the report is stored as sent: unsigned, byte for byte', async () => {
  const sent = verifiedReport('without-sign-in');
  const answer = await stow(withoutSignIn, sent);
  await answer.arrayBuffer();
  expect(answer.status).toBe(200);
  const stored = await storedFile(withoutSignIn, uidFromName('gateway-signs/without-sign-in'));
  expect(Buffer.from(stored).equals(Buffer.from(sent))).toBe(true);
  expect(verifyDatasetSignatures(stored, nodeVerifier())).toEqual([]);
});
