// The audit trail of a case, read from a real Orthanc (issue 6, "Audit trail"): `segqc audit export`
// lists every object and event of demo case ct-02 — its three annotation SEGs, the demo's signed
// adjudication (reference SEG + verified report, seeded with the case), the review written and
// stored by `segqc report --stow` that revises it, the adjudication that revises the review
// (reference SEG + verified report, stored with STOW-RS) — with identities, times, SOP, decisions,
// metrics and hashes;
// `segqc audit verify` is clean. Then one byte of a stored SEG's pixel data is changed and the SEG
// stored again under its SOP Instance UID, and verify names exactly that SEG, exit 1; deleted
// objects are reported missing, and a deleted predecessor breaks the chain.
//
// Orthanc refuses to overwrite a stored instance ("OverwriteInstances": false in
// platform-config/orthanc/orthanc.json, Orthanc's default, which we keep: a PACS of record should
// not let a STOW replace evidence silently). The test deletes the instance through Orthanc's REST
// API (DELETE /instances/{id}) and stores the changed one — what a tamperer with admin access could do.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeJudgedSeg, readPart10, retrieveInstance, sha256Hex, writeAdjudication, type WrittenAdjudication } from '@segqc/core';
import { demoManifest, writeDemoCohort } from '@segqc/demo-data';
import { stowInstances } from '@segqc/server';
import { demoAdjudication } from '../../packages/core/src/adjudication/adjudication.fixture';
import { withOnePixelByteChanged } from '../../packages/core/src/audit/audit.fixture';
import { ctLungNoduleSop } from '../../packages/core/src/review/review.fixture';
import { run } from '../../packages/cli/src/main';
import { orthancRest, startTestPacs, type TestPacs } from '../harness/testPacs';

jest.setTimeout(300_000);

const demoCase = demoManifest({ cases: ['ct-02'] }).cases[0];
const STUDY = demoCase.StudyInstanceUID;
const SOP_FILE = join(__dirname, '..', '..', 'platform-config', 'sops', 'ct-lung-nodule.json');
let dir: string;
let pacs: TestPacs;
let segFiles: Uint8Array[];
let reviewUid: string;
let adjudication: WrittenAdjudication;
/** SHA-256 of the pixel data of the first SEG after one byte was changed in the PACS. */
let changedSha: string;

const segUid = (n: number) => demoCase.segs[n].SOPInstanceUID;
/** The demo's own adjudication of ct-02, stored with the case: the study's latest QC report before the test writes. */
const demoReference = demoCase.reference!;
const pixelSha = (seg: Uint8Array): string => sha256Hex(new Uint8Array((readPart10(seg).dataset.PixelData as ArrayBuffer[])[0]));

async function segqc(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await run(args, (text) => (out += text), (text) => (err += text));
  return { code, out, err };
}

/** Orthanc's own id of an instance, by SOP Instance UID (POST /tools/lookup). */
async function orthancId(sopInstanceUid: string): Promise<string> {
  const response = await orthancRest(pacs.orthanc, '/tools/lookup', { method: 'POST', body: sopInstanceUid });
  const found = (await response.json()) as Array<{ ID: string; Type: string }>;
  const instance = found.find((item) => item.Type === 'Instance');
  if (!instance) throw new Error(`Orthanc holds no instance ${sopInstanceUid}`);
  return instance.ID;
}

async function deleteInstance(sopInstanceUid: string): Promise<void> {
  const response = await orthancRest(pacs.orthanc, `/instances/${await orthancId(sopInstanceUid)}`, { method: 'DELETE' });
  expect(response.status).toBe(200);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-audit-trail-'));
  writeDemoCohort(dir, { cases: [demoCase.caseId] });
  pacs = await startTestPacs([demoCase.caseId]);
  segFiles = demoCase.segs.map((seg) => new Uint8Array(readFileSync(join(dir, seg.path))));

  // The review: segqc report revising the study's latest report (the demo's adjudication), stored with STOW-RS.
  const review = await segqc([
    'report', ...demoCase.segs.map((seg) => join(dir, seg.path)), '--source', join(dir, demoCase.caseId), '--out', join(dir, 'review.dcm'),
    '--observer', 'Lindqvist^Maria', '--login', 'mlindqvist', '--role', 'reviewer', '--organization', 'SegQC Demo Hospital', '--sop', SOP_FILE,
    '--revises', join(dir, demoReference.report.path), '--stow', pacs.dicomwebUrl,
  ]);
  expect([review.code, review.err]).toEqual([0, '']);
  const reviewBytes = new Uint8Array(readFileSync(join(dir, 'review.dcm')));
  reviewUid = readPart10(reviewBytes).dataset.SOPInstanceUID as string;

  // The adjudication that revises it: right lung A accepted, left lung majority, nodule STAPLE.
  adjudication = writeAdjudication(demoAdjudication({ predecessor: reviewBytes, now: new Date(Date.now() + 60_000) }));
  await stowInstances(pacs.dicomwebUrl, [adjudication.referenceSeg, adjudication.report]);
});

afterAll(async () => {
  await pacs?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('export', () => {
  let document: {
    includesPatientIdentifiers: boolean;
    cases: Array<{ studyInstanceUid: string; patient?: unknown; events: Array<Record<string, any>>; unreadable: unknown[] }>;
  };
  let csv: string;
  let stdout: string;

  beforeAll(async () => {
    const json = await segqc(['audit', 'export', '--pacs', pacs.dicomwebUrl, '--study', STUDY, '--out', join(dir, 'trail.json')]);
    const table = await segqc(['audit', 'export', '--pacs', pacs.dicomwebUrl, '--all', '--out', join(dir, 'trail.csv')]);
    expect([json.code, json.err, table.code, table.err]).toEqual([0, '', 0, '']);
    stdout = json.out + table.out;
    document = JSON.parse(readFileSync(join(dir, 'trail.json'), 'utf8'));
    csv = readFileSync(join(dir, 'trail.csv'), 'utf8');
  });

  it('lists every object of the case, in time order: the annotations, the demo\'s adjudication, the review, the reference SEG, the adjudication', () => {
    expect(document.cases.map((c) => c.studyInstanceUid)).toEqual([STUDY]);
    expect(document.cases[0].events.map((event) => [event.kind, event.sopInstanceUid])).toEqual([
      ...[...demoCase.segs].sort((a, b) => `${a.ContentDate}${a.ContentTime}`.localeCompare(`${b.ContentDate}${b.ContentTime}`)).map((seg) => ['annotation', seg.SOPInstanceUID]),
      ['reference', demoReference.SOPInstanceUID],
      ['qc-report', demoReference.report.SOPInstanceUID],
      ['qc-report', reviewUid],
      ['reference', adjudication.referenceSegSopInstanceUid],
      ['qc-report', adjudication.reportSopInstanceUid],
    ]);
    expect(document.cases[0].unreadable).toEqual([]);
    expect(stdout).toContain(`study ${STUDY}: 3 annotations, 2 reference SEGs, 3 QC reports\n`);
  });

  it('gives each annotation\'s annotator, time and the hash of its pixel data as stored', () => {
    for (const [n, seg] of demoCase.segs.entries()) {
      const event = document.cases[0].events.find((candidate) => candidate.sopInstanceUid === seg.SOPInstanceUID)!;
      expect(event).toMatchObject({
        kind: 'annotation', role: 'annotator', contentLabel: 'ANNOTATION', seriesInstanceUid: seg.SeriesInstanceUID,
        creator: { name: seg.annotator.name, login: seg.annotator.login },
        dateTime: `${seg.ContentDate.slice(0, 4)}-${seg.ContentDate.slice(4, 6)}-${seg.ContentDate.slice(6)}T${seg.ContentTime.slice(0, 2)}:${seg.ContentTime.slice(2, 4)}:${seg.ContentTime.slice(4, 6)}`,
        pixelDataSha256: pixelSha(segFiles[n]),
      });
      // The demo signs no one in: every annotation is self-declared (no authentication recorded).
      expect(event.creator.authentication).toBeUndefined();
    }
  });

  it('gives the review: observer, SOP with its full hash, decisions absent (a review by segqc report decides nothing), metrics per pair, judged hashes', () => {
    const review = document.cases[0].events.find((event) => event.sopInstanceUid === reviewUid)!;
    const sop = ctLungNoduleSop().reference;
    expect(review).toMatchObject({
      observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', role: 'reviewer' },
      sop: { id: sop.id, version: sop.version, hash: sop.sha256 },
      decisions: [],
      predecessors: [{ studyInstanceUid: STUDY, sopInstanceUid: demoReference.report.SOPInstanceUID }],
    });
    // segqc report was given no sign-in: the names on its command line are self-declared.
    expect(review.observer.authentication).toBeUndefined();
    expect(review.judged.map((seg: Record<string, unknown>) => [seg.annotation, seg.sopInstanceUid, seg.pixelDataSha256])).toEqual(
      demoCase.segs.map((seg, n) => [String.fromCharCode(65 + n), seg.SOPInstanceUID, describeJudgedSeg(segFiles[n]).pixelDataSha256]),
    );
    // Every structure has its three pairs, A–B, A–C, B–C, each with a Dice between 0 and 1.
    const structures = [...new Set(review.metrics.map((pair: { structure: string }) => pair.structure))];
    expect(structures.length).toBeGreaterThan(0);
    for (const structure of structures) {
      expect(review.metrics.filter((pair: { structure: string }) => pair.structure === structure).map((pair: { between: string[] }) => pair.between.join(''))).toEqual(['AB', 'AC', 'BC']);
    }
    expect(review.metrics.every((pair: { dice: number }) => pair.dice >= 0 && pair.dice <= 1)).toBe(true);
  });

  it('gives the adjudication: decisions with reasons, the reference judged as D, the revised review as its chain, the sign-off', () => {
    const report = document.cases[0].events.find((event) => event.sopInstanceUid === adjudication.reportSopInstanceUid)!;
    expect(report).toMatchObject({
      instanceNumber: 3,
      observer: { name: 'Singh^Priya', login: 'psingh', role: 'adjudicator' },
      verification: { name: 'Singh^Priya', login: 'psingh' },
      predecessors: [{ studyInstanceUid: STUDY, sopInstanceUid: reviewUid }],
      predecessorChain: [reviewUid, demoReference.report.SOPInstanceUID],
    });
    expect(report.decisions).toEqual([
      { structure: 'Right lung', outcome: 'agreed', reasons: [] },
      { structure: 'Left lung', outcome: 'majority', reasons: [{ reason: 'boundaryDisagreement' }] },
      { structure: 'Lung nodule', outcome: 'staple', reasons: [{ reason: 'missedLesion' }, { reason: 'other', text: 'B left out the 4 mm nodule' }] },
    ]);
    expect(report.judged.map((seg: Record<string, unknown>) => [seg.annotation, seg.sopInstanceUid, seg.pixelDataSha256, seg.referenceStandard])).toEqual([
      ...demoCase.segs.map((seg, n) => [String.fromCharCode(65 + n), seg.SOPInstanceUID, pixelSha(segFiles[n]), undefined]),
      ['D', adjudication.referenceSegSopInstanceUid, pixelSha(adjudication.referenceSeg), 'ADJUDICATED'],
    ]);
    const reference = document.cases[0].events.find((event) => event.sopInstanceUid === adjudication.referenceSegSopInstanceUid)!;
    expect(reference).toMatchObject({ kind: 'reference', contentLabel: 'ADJUDICATED', role: 'adjudicator', creator: { name: 'Singh^Priya', login: 'psingh' }, pixelDataSha256: pixelSha(adjudication.referenceSeg) });
    expect([report.observer.authentication, report.verification.authentication, reference.creator.authentication]).toEqual([undefined, undefined, undefined]);
  });

  it('gives the demo\'s adjudication: the senior radiologist, self-declared (the demo signs no one in), every structure edited to the truth', () => {
    const demoReport = document.cases[0].events.find((event) => event.sopInstanceUid === demoReference.report.SOPInstanceUID)!;
    expect(demoReport).toMatchObject({
      instanceNumber: 1,
      observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', role: 'adjudicator' },
      verification: { name: 'Lindqvist^Maria', login: 'mlindqvist' },
      predecessors: [],
    });
    expect(demoReport.observer.authentication).toBeUndefined();
    expect(demoReport.decisions.map((d: { structure: string; outcome: string }) => [d.structure, d.outcome])).toEqual([['Right lung', 'edited'], ['Left lung', 'edited'], ['Lung nodule', 'edited']]);
    const demoSeg = document.cases[0].events.find((event) => event.sopInstanceUid === demoReference.SOPInstanceUID)!;
    const demoSegBytes = new Uint8Array(readFileSync(join(dir, demoReference.path)));
    expect(demoSeg).toMatchObject({ kind: 'reference', contentLabel: 'ADJUDICATED', role: 'adjudicator', creator: { name: 'Lindqvist^Maria', login: 'mlindqvist' }, pixelDataSha256: pixelSha(demoSegBytes) });
  });

  it('writes the same trail as CSV: a row per object, judged SEG, decision and pair', () => {
    const lines = csv.split('\r\n').filter(Boolean);
    const header = lines[0].split(',');
    const events = lines.slice(1).map((line) => line.split(',')[header.indexOf('event')]);
    const reviewEvent = document.cases[0].events.find((event) => event.sopInstanceUid === reviewUid)!;
    const adjudicationEvent = document.cases[0].events.find((event) => event.sopInstanceUid === adjudication.reportSopInstanceUid)!;
    const demoEvent = document.cases[0].events.find((event) => event.sopInstanceUid === demoReference.report.SOPInstanceUID)!;
    expect(events.filter((event) => event === 'annotation')).toHaveLength(3);
    expect(events.filter((event) => event === 'reference-seg')).toHaveLength(2);
    expect(events.filter((event) => event === 'qc-report')).toHaveLength(3);
    // The demo's adjudication and the test's judge A, B, C and their reference D; the review A, B, C.
    expect(events.filter((event) => event === 'judged-seg')).toHaveLength(4 + 3 + 4);
    expect(events.filter((event) => event === 'decision')).toHaveLength(3 + 3);
    expect(events.filter((event) => event === 'agreement')).toHaveLength(demoEvent.metrics.length + reviewEvent.metrics.length + adjudicationEvent.metrics.length);
    // annotation, referencedSopInstanceUid and pixelDataSha256 are adjacent columns; each annotation is judged by the three reports.
    for (const [n, seg] of demoCase.segs.entries()) expect(csv.split(`,${String.fromCharCode(65 + n)},${seg.SOPInstanceUID},${pixelSha(segFiles[n])},`)).toHaveLength(4);
    expect(csv).toContain('staple,,missedLesion; other: B left out the 4 mm nodule,');
    // Nothing in the case was written by a signed-in user: every SEG and report row says self-declared, with no issuer or subject.
    const column = (name: string) => header.indexOf(name);
    const objectRows = lines.slice(1).map((line) => line.split(',')).filter((cells) => ['annotation', 'reference-seg', 'qc-report'].includes(cells[column('event')]));
    expect(objectRows).toHaveLength(3 + 2 + 3);
    expect(objectRows.map((cells) => [cells[column('identity')], cells[column('issuer')], cells[column('subject')]])).toEqual(Array(8).fill(['self-declared', '', '']));
  });

  it('holds no patient name or ID, and no log line names the patient', () => {
    expect(document.includesPatientIdentifiers).toBe(false);
    expect(document.cases[0].patient).toBeUndefined();
    for (const text of [JSON.stringify(document), csv, stdout]) {
      expect(text).not.toContain(demoCase.PatientName);
      expect(text).not.toContain(demoCase.PatientID);
    }
  });

  it('holds them when asked with --include-patient-identifiers, still not in the log', async () => {
    const { code, out } = await segqc(['audit', 'export', '--pacs', pacs.dicomwebUrl, '--study', STUDY, '--out', join(dir, 'trail-phi.csv'), '--include-patient-identifiers']);
    expect(code).toBe(0);
    expect(out).not.toContain(demoCase.PatientName);
    const lines = readFileSync(join(dir, 'trail-phi.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(lines[0].startsWith('studyInstanceUid,patientName,patientId,event,')).toBe(true);
    expect(lines.slice(1).every((line) => line.startsWith(`${STUDY},${demoCase.PatientName},${demoCase.PatientID},`))).toBe(true);
  });
});

describe('verify', () => {
  // Verify's notes (issue 15): no trust store was given; the two adjudications are self-declared and unsigned.
  const NOTES = [
    'note         no trust store (--trust-store FILE or SEGQC_TRUST_STORE): signatures are checked, their certificates are not',
    'note         2 VERIFIED QC reports self-declared, unsigned: not a 21 CFR Part 11 signature',
  ];

  it('is clean for the case as written', async () => {
    const { code, out, err } = await segqc(['audit', 'verify', '--pacs', pacs.dicomwebUrl, '--all']);
    // 3 annotations, 2 reference SEGs (the demo's, the test's), 3 QC reports (the demo's adjudication, the review, the adjudication).
    expect([code, err, out]).toEqual([0, '', `${NOTES.join('\n')}\naudit verify: 1 study, 8 objects, 3 QC reports: no findings\n`]);
  });

  it('names exactly the SEG whose pixel data changed by one byte after it was stored again under its UID, exit 1', async () => {
    const uid = segUid(0);
    const stored = await retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: STUDY, seriesInstanceUid: demoCase.segs[0].SeriesInstanceUID, sopInstanceUid: uid }, { fetch: (url, init) => fetch(url, init) });
    const changed = withOnePixelByteChanged(stored);
    // Orthanc keeps the stored instance when the same UID comes again (OverwriteInstances false): delete, then store.
    await deleteInstance(uid);
    await stowInstances(pacs.dicomwebUrl, [changed]);
    const now = await retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: STUDY, seriesInstanceUid: demoCase.segs[0].SeriesInstanceUID, sopInstanceUid: uid }, { fetch: (url, init) => fetch(url, init) });
    changedSha = pixelSha(changed);
    expect(pixelSha(now)).toBe(changedSha);

    const { code, out } = await segqc(['audit', 'verify', '--pacs', pacs.dicomwebUrl, '--study', STUDY]);
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n')).toEqual([
      `changed      SEG ${uid} changed: its pixel data SHA-256 is ${changedSha}, QC reports ${demoReference.report.SOPInstanceUID}, ${reviewUid}, ${adjudication.reportSopInstanceUid} recorded ${pixelSha(segFiles[0])}`,
      ...NOTES,
      'audit verify: 1 study, 8 objects, 3 QC reports: 1 finding (1 changed)',
    ]);
    expect(out).not.toContain(demoCase.PatientName);
  });

  it('reports a deleted SEG as missing, with the reports that judged it', async () => {
    await deleteInstance(segUid(1));
    const { code, out } = await segqc(['audit', 'verify', '--pacs', pacs.dicomwebUrl, '--study', STUDY]);
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^changed {6}SEG ${segUid(0).replace(/\./g, '\\.')} changed: `)),
      `missing      SEG ${segUid(1)} (series ${demoCase.segs[1].SeriesInstanceUID}) is missing; it was judged by QC reports ${demoReference.report.SOPInstanceUID}, ${reviewUid}, ${adjudication.reportSopInstanceUid}`,
      ...NOTES,
      'audit verify: 1 study, 7 objects, 3 QC reports: 2 findings (1 changed, 1 missing)',
    ]);
  });

  it('reports a deleted predecessor as a broken chain of the report that revises it', async () => {
    await deleteInstance(reviewUid);
    const { code, out } = await segqc(['audit', 'verify', '--pacs', pacs.dicomwebUrl, '--study', STUDY]);
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n')).toEqual([
      `changed      SEG ${segUid(0)} changed: its pixel data SHA-256 is ${changedSha}, QC reports ${demoReference.report.SOPInstanceUID}, ${adjudication.reportSopInstanceUid} recorded ${pixelSha(segFiles[0])}`,
      `missing      SEG ${segUid(1)} (series ${demoCase.segs[1].SeriesInstanceUID}) is missing; it was judged by QC reports ${demoReference.report.SOPInstanceUID}, ${adjudication.reportSopInstanceUid}`,
      `broken-chain predecessor ${reviewUid} of QC report ${adjudication.reportSopInstanceUid} is missing`,
      ...NOTES,
      'audit verify: 1 study, 6 objects, 2 QC reports: 3 findings (1 changed, 1 missing, 1 broken-chain)',
    ]);
  });
});
