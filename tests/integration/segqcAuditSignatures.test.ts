import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildQcReport, multipartRelatedBody, uidFromName, writePart10 } from '@segqc/core';
import { demoManifest } from '@segqc/demo-data';
import { WriteJournal, demoSigningCertificate, type SigningCertificate } from '@segqc/gateway';
import { withDigitChanged } from '../../packages/cli/src/audit/signedReport.fixture';
import { demoReport } from '../../packages/core/src/sr/qcReport.fixture';
import { segqc } from '../harness/segqcCommand';
import { startTestIssuer, type TestIssuer } from '../harness/testIssuer';
import { orthancRest, startTestPacs, type TestPacs } from '../harness/testPacs';

// Issue 15: the built `segqc audit verify` and `audit export` on a real Orthanc behind a gateway that
// signs VERIFIED QC reports for the signed-in adjudicator and journals the signature. The report the
// gateway signed verifies against the demo CA, the journal and its verifier (no finding), and exports
// as valid with its signer and meaning. Replaced behind the gateway's back by a copy with one signed
// digit changed, it is `changed` in the journal's eyes and its signature is `signature-invalid`.
jest.setTimeout(300_000);

const CASE = 'ct-01';
const STUDY = demoManifest({ cases: [CASE] }).cases[0].StudyInstanceUID;
const ADJUDICATOR = { subject: 'subject-of-mlindqvist', login: 'mlindqvist' };
const REPORT_UID = uidFromName('segqc-audit-signatures/verified');

let dir: string;
let signer: SigningCertificate;
let issuer: TestIssuer;
let journal: WriteJournal;
let pacs: TestPacs;
let trustStore: string;
let reader: Record<string, string>;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-audit-signatures-it-'));
  signer = demoSigningCertificate(join(dir, 'signing'));
  trustStore = join(dir, 'trust.pem');
  writeFileSync(trustStore, signer.caCertificatePem);
  journal = WriteJournal.open(join(dir, 'writes.jsonl'));
  issuer = await startTestIssuer();
  pacs = await startTestPacs([CASE], { accessTokens: issuer.verifier, journal, signing: { certificatePem: signer.certificatePem, privateKeyPem: signer.privateKeyPem } });
  // The auditor reads everything (QA lead); the token reaches the command through its environment.
  reader = { SEGQC_DICOMWEB_TOKEN: await issuer.token('subject-of-qa', { roles: ['qa-lead'], preferred_username: 'qa' }) };

  const authentication = { issuer: issuer.issuer, subject: ADJUDICATOR.subject };
  const { init } = demoReport(CASE, ['rivera', 'chen'], {
    sopInstanceUid: REPORT_UID,
    observer: { name: 'Lindqvist^Maria', login: ADJUDICATOR.login, role: 'adjudicator', authentication },
    verification: { name: 'Lindqvist^Maria', login: ADJUDICATOR.login, organization: 'SegQC Demo Hospital', dateTime: '20260302113000', authentication },
  });
  const { body, contentType } = multipartRelatedBody([writePart10(buildQcReport(init))], 'audit-signatures');
  const token = await issuer.token(ADJUDICATOR.subject, { roles: ['adjudicator'], preferred_username: ADJUDICATOR.login, auth_time: Math.floor(Date.now() / 1000) - 30 });
  const answer = await fetch(`${pacs.dicomwebUrl}/studies`, { method: 'POST', headers: { 'Content-Type': contentType, Origin: new URL(pacs.dicomwebUrl).origin, Authorization: `Bearer ${token}` }, body });
  await answer.arrayBuffer();
  if (answer.status !== 200) throw new Error(`the gateway answered ${answer.status} to the VERIFIED report`);
});
afterAll(async () => {
  await pacs?.stop();
  await issuer?.stop();
  journal?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const common = () => ['--pacs', pacs.dicomwebUrl, '--study', STUDY, '--trust-store', trustStore];

test('the report the gateway signed: verify finds nothing against the trust store and the journal, export says valid', async () => {
  const verified = await segqc(['audit', 'verify', ...common(), '--journal', join(dir, 'writes.jsonl')], reader);
  expect(verified.stderr).toBe('');
  expect(verified.stdout).not.toMatch(/^signature|^signe/m);
  expect(verified.stdout).toMatch(/against the journal's \d+ records: no findings\n$/);
  expect(verified.code).toBe(0);

  const file = join(dir, 'trail.csv');
  const exported = await segqc(['audit', 'export', ...common(), '--out', file], reader);
  expect(exported.code).toBe(0);
  const [header, ...rows] = readFileSync(file, 'utf8').split('\r\n').filter(Boolean).map((line) => line.split(','));
  const row = rows.find((values) => values[header.indexOf('event')] === 'qc-report' && values[header.indexOf('sopInstanceUid')] === REPORT_UID)!;
  const value = (column: string) => row[header.indexOf(column)];
  expect([value('signedBy'), value('meaning'), value('signature'), value('identity')]).toEqual([
    'SegQC demo signer for Lindqvist^Maria (mlindqvist)', 'Verification Signature: Adjudication approved', 'valid', 'authenticated',
  ]);
  expect(value('signedAt')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
});

test('replaced behind the gateway by a copy with one signed digit changed: changed, and signature-invalid naming it', async () => {
  const found = (await (await orthancRest(pacs.orthanc, '/tools/lookup', { method: 'POST', body: REPORT_UID })).json()) as Array<{ ID: string; Type: string }>;
  const id = found.find((item) => item.Type === 'Instance')!.ID;
  const stored = new Uint8Array(await (await orthancRest(pacs.orthanc, `/instances/${id}/file`)).arrayBuffer());
  expect((await orthancRest(pacs.orthanc, `/instances/${id}`, { method: 'DELETE' })).status).toBe(200);
  expect((await orthancRest(pacs.orthanc, '/instances', { method: 'POST', body: Buffer.from(withDigitChanged(stored, 'ContentDate')) })).status).toBe(200);

  const verified = await segqc(['audit', 'verify', ...common(), '--journal', join(dir, 'writes.jsonl')], reader);
  expect(verified.code).toBe(1);
  expect(verified.stdout).toMatch(new RegExp(`^changed {6}SR ${REPORT_UID.replace(/\./g, '\\.')} changed: `, 'm'));
  expect(verified.stdout).toMatch(new RegExp(`^signature-invalid QC report ${REPORT_UID.replace(/\./g, '\\.')}: signature 2\\.25\\.\\d+ does not verify: the signature does not match the signed data$`, 'm'));
  expect(verified.stdout).toMatch(/: 2 findings \(1 changed, 1 signature-invalid\)\n$/);
});
