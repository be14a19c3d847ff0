import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_SR_BYTES, SIGNATURE_PURPOSES, readJournal, readQcReport, retrieveInstance, segCreatorIdentity, readPart10, verifyDatasetSignatures, type JournalRecord } from '@segqc/core';
import { demoManifest } from '@segqc/demo-data';
import { nodeVerifier } from '@segqc/gateway';
import { DEMO_SEED_LOGIN } from '@segqc/server';
import type { DossierDocument } from '../../packages/cli/src/dossier/dossierDocument';
import { dcmsignVerify } from '../harness/dcmsign';
import { serviceToken, type TokenResponse } from '../harness/demoTokens';
import { segqc } from '../harness/segqcCommand';
import { startSignedInServer, type SignedInServer } from '../harness/signedInServer';

// Issue 15: with `SEGQC_AUTH=demo npm start` the demo's adjudications are the signed-in
// adjudicator's, signed by the demo signer as the gateway signs a VERIFIED report and a reference SEG
// for her. Read back through the gateway as the QC service account, each report and reference SEG
// verifies against the demo CA (SegQC's check and DCMTK's dcmsign), the journal records each as hers
// with its signature, and the built
// `segqc audit verify` of the demo against the journal and the demo CA finds nothing. A restart
// stores nothing again: the journal is unchanged.
jest.setTimeout(300_000);

const CASES = demoManifest({ cases: ['ct-01', 'ct-02'] }).cases;
const ADJUDICATOR = 'mlindqvist';
const dataDir = mkdtempSync(join(tmpdir(), 'segqc-demo-signed-'));
const journalFile = join(dataDir, 'journal', 'writes.jsonl');
const caFile = join(dataDir, 'signing', 'ca.pem');
let server: SignedInServer;
let token: string;

beforeAll(async () => {
  server = await startSignedInServer({ cases: CASES.map((demoCase) => demoCase.caseId), dataDir });
  token = ((await (await serviceToken(server)).json()) as TokenResponse).access_token;
});
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const journal = (): JournalRecord[] => readJournal(readFileSync(journalFile, 'utf8'));

async function storedReport(demoCase: (typeof CASES)[number]): Promise<Uint8Array> {
  const { report } = demoCase.reference!;
  return retrieveInstance(
    `${server.baseUrl}/dicom-web`,
    { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid: report.SeriesInstanceUID, sopInstanceUid: report.SOPInstanceUID },
    { fetch: (url, init) => fetch(url, init), headers: { Authorization: `Bearer ${token}` } },
    MAX_SR_BYTES,
  );
}

async function storedReferenceSeg(demoCase: (typeof CASES)[number]): Promise<Uint8Array> {
  const reference = demoCase.reference!;
  return retrieveInstance(
    `${server.baseUrl}/dicom-web`,
    { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid: reference.SeriesInstanceUID, sopInstanceUid: reference.SOPInstanceUID },
    { fetch: (url, init) => fetch(url, init), headers: { Authorization: `Bearer ${token}` } },
  );
}

test('each adjudication report in the PACS records the adjudicator as signed in and carries the demo signer\'s signature, valid under the demo CA', async () => {
  const trusted = nodeVerifier({ trustedCertificates: [readFileSync(caFile, 'utf8')] });
  for (const demoCase of CASES) {
    const bytes = await storedReport(demoCase);
    const authentication = { issuer: server.issuer, subject: ADJUDICATOR };
    expect(readQcReport(bytes).qc).toMatchObject({
      observer: { login: ADJUDICATOR, role: 'adjudicator', authentication },
      verification: { login: ADJUDICATOR, authentication },
    });
    const checks = verifyDatasetSignatures(bytes, trusted);
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ valid: true, macAlgorithm: 'SHA256', purpose: SIGNATURE_PURPOSES.verification, macStreamVariant: 'dcmtk' });
  }
});

test('dcmsign verifies an adjudication report as retrieved, trusting the demo CA', async () => {
  const file = join(dataDir, 'ct-01-adjudication.dcm');
  writeFileSync(file, await storedReport(CASES[0]!));
  const verified = dcmsignVerify(file, caFile);
  expect(verified.output).toMatch(/Signature Verification\s*:\s*OK/);
  expect(verified.status).toBe(0);
});

test('dcmsign verifies an adjudicated reference SEG as retrieved, trusting the demo CA', async () => {
  const bytes = await storedReferenceSeg(CASES[0]!);
  const [check, ...others] = verifyDatasetSignatures(bytes, nodeVerifier({ trustedCertificates: [readFileSync(caFile, 'utf8')] }));
  expect(others).toEqual([]);
  expect(check).toMatchObject({ valid: true, purpose: SIGNATURE_PURPOSES.verification });
  expect(check!.keywordsSigned).toEqual(expect.arrayContaining(['PixelData', 'SegmentSequence']));
  const file = join(dataDir, 'ct-01-reference.dcm');
  writeFileSync(file, bytes);
  const verified = dcmsignVerify(file, caFile, 'authorization');
  expect([verified.status, verified.output]).toEqual([0, expect.stringMatching(/Signature Verification\s*:\s*OK/)]);
});

test('the journal records each adjudication\'s objects as the adjudicator\'s, each with its signature; the rest of the demo as the seed\'s', async () => {
  const records = journal();
  for (const demoCase of CASES) {
    const reference = demoCase.reference!;
    const adjudicator = { issuer: server.issuer, subject: ADJUDICATOR, login: ADJUDICATOR, roles: ['adjudicator'] };
    const reportRecord = records.find((record) => record.sopInstanceUid === reference.report.SOPInstanceUID)!;
    const bytes = await storedReport(demoCase);
    expect(reportRecord).toMatchObject({ ...adjudicator, pacsStatus: 200, sha256: createHash('sha256').update(bytes).digest('hex') });
    const [check] = verifyDatasetSignatures(bytes, nodeVerifier());
    expect(reportRecord.signature).toMatchObject({ uid: check!.signatureUid, purpose: SIGNATURE_PURPOSES.verification.CodeValue, signedAt: check!.dateTime });
    const referenceRecord = records.find((record) => record.sopInstanceUid === reference.SOPInstanceUID)!;
    const referenceBytes = await storedReferenceSeg(demoCase);
    expect(referenceRecord).toMatchObject({ ...adjudicator, sha256: createHash('sha256').update(referenceBytes).digest('hex') });
    const [referenceCheck] = verifyDatasetSignatures(referenceBytes, nodeVerifier());
    expect(referenceRecord.signature).toMatchObject({ uid: referenceCheck!.signatureUid, purpose: SIGNATURE_PURPOSES.verification.CodeValue, signedAt: referenceCheck!.dateTime });
    const seeded = records.filter((record) => record.studyInstanceUid === demoCase.StudyInstanceUID && record.login === DEMO_SEED_LOGIN);
    // The images and the three annotators' SEGs.
    expect(seeded).toHaveLength(demoCase.series[0]!.numberOfInstances + 3);
  }
});

test('the reference SEG records the adjudicator as signed in; the annotators\' SEGs stay self-declared', async () => {
  const demoCase = CASES[0]!;
  const reference = demoCase.reference!;
  const fetchSeg = (series: string, uid: string) => retrieveInstance(`${server.baseUrl}/dicom-web`, { studyInstanceUid: demoCase.StudyInstanceUID, seriesInstanceUid: series, sopInstanceUid: uid }, { fetch: (url, init) => fetch(url, init), headers: { Authorization: `Bearer ${token}` } });
  const referenceSeg = readPart10(await fetchSeg(reference.SeriesInstanceUID, reference.SOPInstanceUID), { untilPixelData: true }).dataset;
  expect(segCreatorIdentity(referenceSeg)).toEqual({ name: 'Lindqvist^Maria', login: ADJUDICATOR, contentLabel: 'ADJUDICATED', authentication: { issuer: server.issuer, subject: ADJUDICATOR } });
  const seg = demoCase.segs[0]!;
  const annotation = readPart10(await fetchSeg(seg.SeriesInstanceUID, seg.SOPInstanceUID), { untilPixelData: true }).dataset;
  expect(segCreatorIdentity(annotation)).toEqual({ name: seg.annotator.name, login: seg.annotator.login, contentLabel: 'ANNOTATION' });
});

test('segqc audit verify of the demo, against the journal and the demo CA, finds nothing', async () => {
  const { code, stdout, stderr } = await segqc(
    ['audit', 'verify', '--pacs', `${server.baseUrl}/dicom-web`, '--all', '--journal', journalFile, '--trust-store', caFile],
    { SEGQC_DICOMWEB_TOKEN: token },
  );
  expect(stderr).toBe('');
  expect(stdout).not.toMatch(/self-declared, unsigned/);
  expect(stdout).toMatch(new RegExp(`^audit verify: 2 studies, \\d+ objects, 2 QC reports, against the journal's ${journal().length} records: no findings$`, 'm'));
  expect(code).toBe(0);
});

test('segqc dossier shows the adjudications signed: no self-declared adjudication, each report\'s signature valid under the demo CA, the adjudicator known by her sign-in', async () => {
  const out = join(dataDir, 'dossier');
  const { code, stderr } = await segqc(
    ['dossier', '--pacs', `${server.baseUrl}/dicom-web`, '--out', out, '--journal', journalFile, '--trust-store', caFile],
    { SEGQC_DICOMWEB_TOKEN: token },
  );
  expect([code, stderr]).toEqual([0, expect.stringContaining('segqc dossier: 2/2 audit trails read and verified')]);
  const dossier = JSON.parse(readFileSync(join(out, 'dossier.json'), 'utf8')) as DossierDocument;
  expect(dossier.verification.byKind).toEqual([]);
  expect(dossier.selfDeclaredAdjudications).toEqual([]);
  const reports = dossier.auditTrail.cases.flatMap((trail) => trail.events.filter((event) => event.kind === 'qc-report'));
  expect(reports.map((report) => report.kind === 'qc-report' && report.signatures?.map((signature) => [signature.status, signature.trustChecked, signature.signer]))).toEqual([
    [['valid', true, 'SegQC demo signer']], [['valid', true, 'SegQC demo signer']],
  ]);
  const adjudicator = dossier.roster.find((person) => person.login === ADJUDICATOR)!;
  // Her reference SEG and report in each case.
  expect(adjudicator.identity).toEqual({ authenticatedObjects: 4, selfDeclaredObjects: 0, signIns: [{ issuer: server.issuer, subject: ADJUDICATOR }] });
});

test('a restart stores nothing again: the journal keeps its records, and the reports their signatures', async () => {
  const before = readFileSync(journalFile, 'utf8');
  const signatures = await Promise.all(CASES.map(async (demoCase) => verifyDatasetSignatures(await storedReport(demoCase), nodeVerifier())[0]!.signatureUid));
  await server.stop();
  server = await startSignedInServer({ cases: CASES.map((demoCase) => demoCase.caseId), dataDir, ports: server.ports });
  token = ((await (await serviceToken(server)).json()) as TokenResponse).access_token;
  expect(server.output()).toMatch(/demo cohort ready \(studies stored now: 0, already there: 2\)/);
  expect(readFileSync(journalFile, 'utf8')).toBe(before);
  for (const [n, demoCase] of CASES.entries()) expect(verifyDatasetSignatures(await storedReport(demoCase), nodeVerifier())[0]!.signatureUid).toBe(signatures[n]);
});
