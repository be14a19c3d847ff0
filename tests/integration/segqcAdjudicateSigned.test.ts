import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest } from '@segqc/demo-data';
import { macStream, qcReportSeriesUid, referenceSegSeriesUid, readQcReport, retrieveInstance, sha256Hex, verifyDatasetSignatures, SIGNATURE_PURPOSES, type DicomwebReadOptions } from '@segqc/core';
import { demoSigningCertificate, nodeVerifier, type SigningCertificate } from '@segqc/gateway';
import { dcmsignVerify } from '../harness/dcmsign';
import { pacsFingerprint } from '../harness/pacsFingerprint';
import { segqc } from '../harness/segqcCommand';
import { startTestPacs, type TestPacs } from '../harness/testPacs';
import type { AdjudicateJson } from '../../packages/cli/src/adjudicate/runAdjudicate';

// Issue 15: `segqc adjudicate --signing-cert FILE --signing-key FILE`, the built command as a batch
// job runs it against a real Orthanc, signs the VERIFIED QC report it writes with the key file, as
// the gateway signs for a signed-in user: core's verifier trusting the demo CA accepts the
// signature, DCMTK's own `dcmsign --verify` exits 0 on the stored file, and `segqc audit verify
// --trust-store` has no signature finding. A key file others can read is refused (exit 2) before
// anything is stored.
jest.setTimeout(300_000);

const CASE = 'mr-01';
const STUDY = demoManifest({ cases: [CASE] }).cases[0].StudyInstanceUID;
const ADJUDICATE = ['--study', STUDY, '--accept', 'arivera', '--reason', 'boundaryDisagreement', '--adjudicator', 'Lindqvist^Maria', '--login', 'mlindqvist'];
const read: DicomwebReadOptions = { fetch: (url, init) => fetch(url, init) };
/** No SEGQC_* setting of the shell running the tests (a signing key among them) reaches the command. */
const NO_SETTINGS = {};

let dir: string;
let signer: SigningCertificate;
let pacs: TestPacs;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-adjudicate-signed-it-'));
  signer = demoSigningCertificate(join(dir, 'signing'), 'SegQC batch adjudication');
  pacs = await startTestPacs([CASE]);
});
afterAll(async () => {
  await pacs?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const signingFlags = (key: string) => ['--signing-cert', signer.files.signerCertificate, '--signing-key', key];

test('a signing key file group and others can read: exit 2, one line saying so, nothing stored', async () => {
  const openKey = join(dir, 'open.key');
  copyFileSync(signer.files.signerKey, openKey);
  chmodSync(openKey, 0o644);
  const before = await pacsFingerprint(pacs);

  const run = await segqc(['adjudicate', '--pacs', pacs.dicomwebUrl, ...ADJUDICATE, ...signingFlags(openKey)], NO_SETTINGS);
  expect([run.code, run.stdout, run.stderr]).toEqual([2, '', `segqc: --signing-key ${openKey}: permissions 0644 are too open, other users have access to it; chmod 600 ${openKey}\n`]);
  expect(await pacsFingerprint(pacs)).toEqual(before);
});

test('signed with the key file: the stored VERIFIED report verifies against the demo CA, in core, in dcmsign and in audit verify', async () => {
  const run = await segqc(['adjudicate', '--pacs', pacs.dicomwebUrl, ...ADJUDICATE, ...signingFlags(signer.files.signerKey), '--json'], NO_SETTINGS);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const [result] = (JSON.parse(run.stdout) as AdjudicateJson).cases;
  expect(result.status).toBe('adjudicated');
  expect(result.signature).toEqual({ uid: expect.stringMatching(/^2\.25\.\d+$/), standardStreamSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  const signatureUid = result.signature!.uid;

  const stored = await retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: STUDY, seriesInstanceUid: qcReportSeriesUid(STUDY), sopInstanceUid: result.report! }, read);
  expect(readQcReport(stored).qc!.verification).toMatchObject({ name: 'Lindqvist^Maria', login: 'mlindqvist' });
  const checks = verifyDatasetSignatures(stored, nodeVerifier({ trustedCertificates: [signer.caCertificatePem] }));
  expect(checks.map((check) => [check.valid, check.signatureUid, check.purpose, check.macAlgorithm, check.macStreamVariant]))
    .toEqual([[true, signatureUid, SIGNATURE_PURPOSES.verification, 'SHA256', 'dcmtk']]);
  expect(Buffer.from(checks[0].certificateDer!).equals(Buffer.from(signer.certificateDer))).toBe(true);
  // What the batch job keeps of the signature (as the gateway journals its own): the hash of the standard stream, as stored.
  expect(result.signature!.standardStreamSha256).toBe(sha256Hex(macStream(stored, checks[0].tagsSigned, 'standard')));

  const file = join(dir, 'report.dcm');
  writeFileSync(file, stored);
  const dcmsign = dcmsignVerify(file, signer.files.caCertificate);
  expect([dcmsign.status, dcmsign.output]).toEqual([0, expect.stringContaining(`Signature #1 UID=${signatureUid}`)]);

  // The reference SEG is signed by the key file too (Authorization profile), and dcmsign accepts it.
  expect(result.referenceSegSignature).toEqual({ uid: expect.stringMatching(/^2\.25\.\d+$/), standardStreamSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  const storedSeg = await retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: STUDY, seriesInstanceUid: referenceSegSeriesUid(STUDY), sopInstanceUid: result.referenceSeg! }, read);
  expect(verifyDatasetSignatures(storedSeg, nodeVerifier({ trustedCertificates: [signer.caCertificatePem] })).map((check) => [check.valid, check.signatureUid]))
    .toEqual([[true, result.referenceSegSignature!.uid]]);
  const segFile = join(dir, 'reference-seg.dcm');
  writeFileSync(segFile, storedSeg);
  expect(dcmsignVerify(segFile, signer.files.caCertificate, 'authorization')).toEqual({ status: 0, output: expect.stringContaining(`Signature #1 UID=${result.referenceSegSignature!.uid}`) });

  const audit = await segqc(['audit', 'verify', '--pacs', pacs.dicomwebUrl, '--study', STUDY, '--trust-store', signer.files.caCertificate], NO_SETTINGS);
  expect(audit.stderr).toBe('');
  expect(audit.stdout).not.toMatch(/^(signature|signed-content|signer)/m);
  expect(audit.stdout).not.toContain('self-declared, unsigned');
  expect(audit.code).toBe(0);
});
