import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest } from '@segqc/demo-data';
import {
  caseInventory, gridFromSourceImages, qcReportSeriesUid, readQcReport, readSegmentation, readSourceImages, referenceMask, referenceSegSeriesUid, retrieveInstance,
  searchForInstances, type DicomwebReadOptions, type QcReportInit, type Segmentation,
} from '@segqc/core';
import { startTestPacs, type TestPacs } from '../harness/testPacs';
import { segqc } from '../harness/segqcCommand';
import { sameVoxels } from '../harness/sameVoxels';
import { reportDecisions } from '../harness/qcReportDecisions';
import { allowedErrors, expectSrValidatorsPass, expectValidatorsPass, validateDicom, validatorUnavailable } from '../harness/validateDicom';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import type { AdjudicateJson } from '../../packages/cli/src/adjudicate/runAdjudicate';

// `segqc adjudicate` on the demo PACS, the built command as a batch job runs it: the open case
// ct-08 (Rivera, Chen, Okafor) is adjudicated by accepting Rivera (login arivera) for every
// structure, with a coded reason, as the viewer's Sign would write it: an ADJUDICATED reference SEG
// whose segments are Rivera's voxels, and a VERIFIED QC report by the adjudicator revising the
// study's latest report, in which each escalated structure is "accepted <Rivera's letter>" and each
// structure the review passed "agreed" (core qcDecisionOf, as the viewer). Then
// --auto-accept-agreed --all: the demo case mr-01, whose every pair passes the SOP (Rivera and
// Chen, one white matter lesion class), gets the majority reference recorded as automatic, and
// ct-08, adjudicated now, is skipped. Both objects pass the DICOM validators (PixelMed's SR
// validator on the two-annotator report only: it runs out of heap on ct-08's three annotators).
jest.setTimeout(600_000);

const CASES = ['ct-08', 'mr-01'];
const manifest = demoManifest({ cases: CASES });
const studyOf = (caseId: string) => manifest.cases.find((c) => c.caseId === caseId)!.StudyInstanceUID;
const CT08 = studyOf('ct-08');
const MR01 = studyOf('mr-01');
const ADJUDICATOR = ['--adjudicator', 'Lindqvist^Maria', '--login', 'mlindqvist'];
const read: DicomwebReadOptions = { fetch: (url, init) => fetch(url, init) };

let pacs: TestPacs;
beforeAll(async () => {
  pacs = await startTestPacs(CASES);
});
afterAll(async () => {
  await pacs?.stop();
});

/** `segqc qc --json` of one case, as the adjudication reads it. */
async function qcOf(study: string) {
  const { code, stdout } = await segqc(['qc', '--pacs', pacs.dicomwebUrl, '--workers', '1', '--study', study, '--json']);
  expect(code).toBe(0);
  return (JSON.parse(stdout) as QcJson).cases[0];
}

/** A case's source series as stored (Part 10, every instance), read as source images too. */
async function sourceSeries(study: string, seriesInstanceUid: string) {
  const instances = await searchForInstances(pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid }, {}, read);
  const files = await Promise.all(instances.map((dataset) => retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid, sopInstanceUid: (dataset['00080018']?.Value as string[])[0] }, read)));
  return { files, images: readSourceImages(files) };
}

/** The stored reference SEG and verified report of an adjudication, with the annotation SEGs of the case. */
async function storedAdjudication(study: string, referenceSeg: string, report: string) {
  const referenceBytes = await retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid: referenceSegSeriesUid(study), sopInstanceUid: referenceSeg }, read);
  const reportBytes = await retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: study, seriesInstanceUid: qcReportSeriesUid(study), sopInstanceUid: report }, read);
  return { referenceBytes, reportBytes, qc: readQcReport(reportBytes).qc! };
}

/** The annotation letter the report gives the SEG `sopInstanceUid`. */
function letterOf(qc: QcReportInit, sopInstanceUid: string): string {
  const letters = new Set(qc.structures.flatMap((s) => s.annotations.filter((a) => a.segment.sopInstanceUid === sopInstanceUid).map((a) => a.annotation)));
  expect(letters.size).toBe(1);
  return [...letters][0];
}

const countsOf = (segmentation: Segmentation) => Object.fromEntries(segmentation.segments.map((s) => [s.label, s.mask.count()]));

test('adjudicate ct-08 accepting Rivera for every structure: Rivera’s voxels as the ADJUDICATED SEG, a VERIFIED report revising the latest, valid DICOM', async () => {
  const before = await qcOf(CT08);
  const rivera = before.annotations.find((a) => a.login === 'arivera')!;
  const latestBefore = (await caseInventory(pacs.dicomwebUrl, CT08, read)).qcReports.at(-1)?.sopInstanceUid ?? null;

  const run = await segqc(['adjudicate', '--pacs', pacs.dicomwebUrl, '--study', CT08, '--accept', 'arivera', '--reason', 'boundaryDisagreement', '--check', 'reference-justified', ...ADJUDICATOR, '--json']);
  expect([run.code, run.stderr]).toEqual([0, '']);
  const json = JSON.parse(run.stdout) as AdjudicateJson;
  expect(json.summary).toEqual({ cases: 1, adjudicated: 1, skipped: 0, failed: 0 });
  const [result] = json.cases;
  expect([result.status, result.revises, result.sop]).toEqual(['adjudicated', latestBefore, `${before.sop!.id}@${before.sop!.version}`]);

  const { referenceBytes, reportBytes, qc } = await storedAdjudication(CT08, result.referenceSeg!, result.report!);
  // Signed by the adjudicator, self-declared (no access token).
  expect(qc.observer).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', role: 'adjudicator' });
  expect(qc.verification).toMatchObject({ name: 'Lindqvist^Maria', login: 'mlindqvist' });
  expect(qc.predecessors?.map((p) => p.sopInstanceUid)).toEqual(latestBefore ? [latestBefore] : undefined);
  expect(qc.checklist).toEqual([{ itemId: 'reference-justified', checked: true }]);

  // Each structure: accepted Rivera's letter where the review escalated it, agreed where it passed; the reason on both.
  const letter = letterOf(qc, rivera.sopInstanceUid);
  const verdictOf = new Map(before.structures.map((s) => [s.label, s.verdict]));
  expect(reportDecisions(qc)).toEqual(Object.fromEntries(qc.structures.map((s) => [s.label, verdictOf.get(s.label) === 'escalate'
    ? { outcome: 'accepted', acceptedAnnotation: letter, reasons: [{ reason: 'boundaryDisagreement' }] }
    : { outcome: 'agreed', reasons: [{ reason: 'boundaryDisagreement' }] }])));
  expect(Object.values(reportDecisions(qc)).some((d) => d.outcome === 'accepted')).toBe(true);

  // The reference SEG holds Rivera's voxels, structure by structure.
  const source = await sourceSeries(CT08, before.sourceSeriesInstanceUid!);
  const { grid } = gridFromSourceImages(source.images, { allowGaps: true });
  const riveraBytes = await retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: CT08, seriesInstanceUid: rivera.seriesInstanceUid, sopInstanceUid: rivera.sopInstanceUid }, read);
  const riveraSeg = readSegmentation(riveraBytes, grid);
  const reference = readSegmentation(referenceBytes, grid);
  expect(countsOf(reference)).toEqual(countsOf(riveraSeg));
  for (const segment of reference.segments) expect(sameVoxels(segment.mask, riveraSeg.segments.find((s) => s.label === segment.label)!.mask)).toBe(true);

  // The case is adjudicated now: the inventory every surface reads says so, and segqc qc --json with it.
  expect((await caseInventory(pacs.dicomwebUrl, CT08, read)).state).toBe('adjudicated');
  const after = await qcOf(CT08);
  expect([before.state, after.state]).toEqual(['awaiting-review', 'adjudicated']);
  expect(after.annotations.map((a) => a.sopInstanceUid)).toEqual(before.annotations.map((a) => a.sopInstanceUid)); // the reference SEG is no annotation

  // A validator that cannot run fails the test: it is never skipped.
  expect(validatorUnavailable()).toBeUndefined();
  expectValidatorsPass(validateDicom(referenceBytes, source.files), 'Segmentation');
  const segFiles = await Promise.all(before.annotations.map((a) => retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: CT08, seriesInstanceUid: a.seriesInstanceUid, sopInstanceUid: a.sopInstanceUid }, read)));
  // PixelMed's DicomSRValidator runs out of its heap on a three-annotator adjudication (as
  // adjudicationObjects.test.ts notes); the two-annotator report of the next test passes all four.
  expectSrPassesWithoutPixelmed(reportBytes, [...segFiles, referenceBytes, ...source.files]);
});

/** dciodvfy (Comprehensive 3D SR), dsrdump and dcentvfy against the objects it refers to, with no counted Error line. */
function expectSrPassesWithoutPixelmed(report: Uint8Array, sources: readonly Uint8Array[]): void {
  const dir = mkdtempSync(join(tmpdir(), 'segqc-adjudicate-sr-'));
  try {
    const file = join(dir, 'report.dcm');
    writeFileSync(file, report);
    const sourceFiles = sources.map((bytes, n) => {
      const path = join(dir, `source-${String(n).padStart(4, '0')}.dcm`);
      writeFileSync(path, bytes);
      return path;
    });
    const runOf = (command: string, args: string[]) => spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const dciodvfy = runOf('dciodvfy', ['-new', file]);
    const dcentvfy = runOf('dcentvfy', [file, ...sourceFiles]);
    const output = `${dciodvfy.stdout}${dciodvfy.stderr}${dcentvfy.stdout}${dcentvfy.stderr}`;
    expect(`${dciodvfy.stdout}${dciodvfy.stderr}`.split('\n')).toContain('Comprehensive3DSR');
    expect(runOf('dsrdump', [file]).status).toBe(0);
    expect(output.split('\n').filter((line) => line.startsWith('Error') && !allowedErrors().some((allowed) => line.includes(allowed)))).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('--auto-accept-agreed --all: mr-01 (every pair passes) gets the majority reference recorded as automatic; ct-08, adjudicated, is skipped', async () => {
  const before = await qcOf(MR01);
  expect([before.verdict, before.pairs.every((p) => p.verdict === 'pass')]).toEqual(['pass', true]);
  const sop = `${before.sop!.id}@${before.sop!.version}`;

  const run = await segqc(['adjudicate', '--pacs', pacs.dicomwebUrl, '--auto-accept-agreed', '--all', ...ADJUDICATOR]);
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toContain(`${CT08} skipped: already adjudicated`);
  const mrLine = lines.find((line) => line.startsWith(`${MR01} adjudicated (${sop}): `))!;
  expect(mrLine).toMatch(/White matter lesion majority \(agreed\); reference SEG [\d.]+, QC report [\d.]+/);
  expect(lines.pop()).toBe('segqc adjudicate: 2 cases: 1 adjudicated, 1 skipped, 0 failed');

  const [, referenceSeg, report] = mrLine.match(/reference SEG ([\d.]+), QC report ([\d.]+)/)!;
  const { referenceBytes, reportBytes, qc } = await storedAdjudication(MR01, referenceSeg, report);
  expect(qc.observer).toMatchObject({ login: 'mlindqvist', role: 'adjudicator' });
  expect(qc.verification).toBeDefined();
  const automatic = { outcome: 'agreed', reasons: [{ reason: 'other', text: `automatic: every pair passed ${sop}, majority` }] };
  expect(Object.values(reportDecisions(qc))).toEqual(qc.structures.map(() => automatic));

  // The majority of Rivera and Chen (a tie is foreground), structure by structure.
  const source = await sourceSeries(MR01, before.sourceSeriesInstanceUid!);
  const { grid } = gridFromSourceImages(source.images, { allowGaps: true });
  const segFiles = await Promise.all(before.annotations.map((a) => retrieveInstance(pacs.dicomwebUrl, { studyInstanceUid: MR01, seriesInstanceUid: a.seriesInstanceUid, sopInstanceUid: a.sopInstanceUid }, read)));
  const annotations = segFiles.map((bytes) => readSegmentation(bytes, grid));
  const reference = readSegmentation(referenceBytes, grid);
  expect(reference.segments.length).toBeGreaterThan(0);
  for (const segment of reference.segments) {
    const masks = annotations.map((a) => a.segments.find((s) => s.label === segment.label)!.mask);
    expect(sameVoxels(segment.mask, referenceMask({ kind: 'majority' }, masks))).toBe(true);
  }
  expect((await caseInventory(pacs.dicomwebUrl, MR01, read)).state).toBe('adjudicated');

  // A second run finds nothing left to do.
  const again = await segqc(['adjudicate', '--pacs', pacs.dicomwebUrl, '--auto-accept-agreed', '--study', MR01, ...ADJUDICATOR, '--json']);
  expect(again.code).toBe(0);
  expect((JSON.parse(again.stdout) as AdjudicateJson).cases.map((c) => [c.status, c.reason])).toEqual([['skipped', 'already adjudicated']]);

  expect(validatorUnavailable()).toBeUndefined();
  expectValidatorsPass(validateDicom(referenceBytes, source.files), 'Segmentation');
  expectSrValidatorsPass(validateDicom(reportBytes, [...segFiles, referenceBytes, ...source.files]), 'Comprehensive3DSR');
});

test('a case that cannot be adjudicated: its line says why and the exit code is 1', async () => {
  const { code, stdout } = await segqc(['adjudicate', '--pacs', pacs.dicomwebUrl, '--study', CT08, '--accept', 'nobody', '--reason', 'wrongLabel', '--check', 'reference-justified', ...ADJUDICATOR]);
  expect(code).toBe(1);
  expect(stdout).toMatch(new RegExp(`^${CT08.replace(/\./g, '\\.')} failed: --accept nobody: no compared annotation of this case is by nobody \\(arivera, wchen, cokafor\\)\\n$`));
});

test('an unknown reason code: a usage error naming the codes, exit 2, nothing stored', async () => {
  const { code, stdout, stderr } = await segqc(['adjudicate', '--pacs', pacs.dicomwebUrl, '--study', CT08, '--accept', 'arivera', '--reason', 'sloppy', ...ADJUDICATOR]);
  expect([code, stdout]).toEqual([2, '']);
  expect(stderr).toBe('segqc: --reason sloppy is not a QC reason code; give one of underSegmentation, overSegmentation, missedLesion, falseLesion, boundaryDisagreement, wrongLabel, sopViolation, other\n');
});
