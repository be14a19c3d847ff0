// `segqc dossier` on a real Orthanc with three demo CT cases — ct-01 (adjudicated by Lindqvist,
// self-declared), ct-08 (open) and ct-cal (the calibration case with Haddad's gold) — the built
// command as a QA lead runs it for a submission. The dossier gathers what the other commands say, so
// it is checked against them run on the same PACS: its per-case audit trail is `segqc audit export
// --all`'s, its IRR and drift numbers `segqc drift --json`'s, its verification `segqc audit verify`'s.
// The HTML refers to nothing outside itself, and the PDF Chromium printed opens (pdftotext, Debian's
// poppler-utils) and names every person of the roster and every case.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditDocument } from '@segqc/core';
import { demoManifest } from '@segqc/demo-data';
import { ensureDebianPackages, type SystemRequirement } from '@segqc/server';
import type { DossierDocument } from '../../packages/cli/src/dossier/dossierDocument';
import type { DriftJson } from '../../packages/cli/src/drift/driftReport';
import { segqc, type SegqcRun } from '../harness/segqcCommand';
import { startTestPacs, type TestPacs } from '../harness/testPacs';

jest.setTimeout(180_000);

const POPPLER: SystemRequirement = { purpose: 'reading the dossier PDF back (pdftotext)', packages: ['poppler-utils'], files: ['/usr/bin/pdftotext'] };
const CASES = ['ct-01', 'ct-08', 'ct-cal'];
const manifest = demoManifest({ cases: CASES });

let pacs: TestPacs;
let dir: string;
let dossier: DossierDocument;
let html: string;
let run: SegqcRun;
let exported: AuditDocument;
let drift: DriftJson;
let verify: SegqcRun;

beforeAll(async () => {
  ensureDebianPackages([POPPLER]);
  pacs = await startTestPacs(CASES);
  dir = mkdtempSync(join(tmpdir(), 'segqc-dossier-'));
  const out = join(dir, 'dossier');
  const [dossierRun, exportRun, driftRun, verifyRun] = await Promise.all([
    segqc(['dossier', '--pacs', pacs.dicomwebUrl, '--out', out, '--workers', '2']),
    segqc(['audit', 'export', '--pacs', pacs.dicomwebUrl, '--all', '--out', join(dir, 'x.json')]),
    segqc(['drift', '--pacs', pacs.dicomwebUrl, '--workers', '2', '--json']),
    segqc(['audit', 'verify', '--pacs', pacs.dicomwebUrl, '--all']),
  ]);
  run = dossierRun;
  verify = verifyRun;
  expect([run.code, run.stderr]).toEqual([0, expect.stringContaining(`segqc dossier: ${CASES.length}/${CASES.length} audit trails read and verified`)]);
  expect(exportRun.code).toBe(0);
  dossier = JSON.parse(readFileSync(join(out, 'dossier.json'), 'utf8')) as DossierDocument;
  html = readFileSync(join(out, 'dossier.html'), 'utf8');
  exported = JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')) as AuditDocument;
  drift = JSON.parse(driftRun.stdout) as DriftJson;
});
afterAll(async () => {
  await pacs?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the per-case audit trail is audit export\'s, case by case', () => {
  expect(dossier.auditTrail.cases.map((c) => c.studyInstanceUid)).toEqual(exported.cases.map((c) => c.studyInstanceUid));
  expect(dossier.auditTrail.cases).toEqual(exported.cases);
  expect(dossier.auditTrail.includesPatientIdentifiers).toBe(false);
  expect(dossier.cases.map((c) => c.name).sort()).toEqual(manifest.cases.map((c) => c.StudyID).sort());
});

test('the IRR, calibration and drift numbers are drift --json\'s', () => {
  expect(dossier.drift.reliability).toEqual(drift.reliability);
  expect(dossier.drift.calibrationCases).toEqual(drift.calibrationCases);
  expect(dossier.drift.skipped).toEqual(drift.skipped);
  // Only the time each read took differs.
  expect({ ...dossier.drift.summary, seconds: 0 }).toEqual({ ...drift.summary, seconds: 0 });
  expect(dossier.recalibrationsDue.map((r) => r.annotator)).toEqual(drift.summary.recalibrationDue);
});

test('the verification is audit verify\'s: a clean PACS, every case "no finding"; the demo\'s adjudication is self-declared and unsigned', () => {
  expect(verify.code).toBe(0);
  expect(dossier.verification.byKind).toEqual([]);
  expect(dossier.verification.cases.every((c) => c.findings.length === 0)).toBe(true);
  const adjudicated = manifest.cases.flatMap((c) => (c.reference ? [c.reference.report.SOPInstanceUID] : []));
  expect(dossier.selfDeclaredAdjudications.map((a) => a.sopInstanceUid).sort()).toEqual(adjudicated.sort());
  expect(html).toContain('This is not a 21 CFR Part 11 electronic signature.');
});

test('the roster: every annotator, the gold\'s author and the adjudicator, with their roles', () => {
  const roles = new Map<string, Set<string>>();
  const add = (login: string, role: string) => roles.set(login, new Set([...(roles.get(login) ?? []), role]));
  for (const c of manifest.cases) {
    for (const seg of c.segs) add(seg.annotator.login, seg.ContentLabel === 'GOLD' ? 'gold' : 'annotated');
    if (c.reference) add(c.reference.adjudicator.login, 'adjudicated');
  }
  expect(new Map(dossier.roster.map((p) => [p.login!, new Set(p.roles.map((r) => r.role))]))).toEqual(roles);
  expect(dossier.roster.every((p) => p.identity.authenticatedObjects === 0)).toBe(true);
});

test('the HTML refers to nothing outside itself', () => {
  expect(html).not.toMatch(/\s(src|href|xlink:href)\s*=/i);
  expect(html).not.toMatch(/<script|<link|<img|<iframe|url\(|@import/i);
});

test('the PDF opens and names every person of the roster and every case', () => {
  const text = execFileSync('/usr/bin/pdftotext', [join(dir, 'dossier', 'dossier.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  for (const person of dossier.roster) expect(text).toContain(person.label);
  for (const c of dossier.cases) expect(text).toContain(c.name);
  for (const patient of manifest.cases) expect(text).not.toContain(patient.PatientID);
});
