import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DicomValueError, canonicalJsonSha256, readQcReport } from '@segqc/core';
import { demoManifest, writeDemoCohort } from '@segqc/demo-data';
import { expectSrValidatorsPass, validateDicom, validatorUnavailable } from '../../../../tests/harness/validateDicom';
import { UsageError } from '../usageError';
import { runReport } from './runReport';

// `segqc report` is how batch jobs write the QC report of a case without the viewer. These run
// it in-process on the demo cohort (the manifest is the ground truth) and read what it wrote
// with the core reader.
jest.setTimeout(300_000);

const [ct, mr] = demoManifest({ cases: ['ct-01', 'mr-01'] }).cases;
let dir: string;
const seg = (demoCase: typeof ct, key: string) => join(dir, demoCase.segs.find((s) => s.annotator.key === key)!.path);
const ctSource = () => join(dir, 'ct-01');

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-report-'));
  writeDemoCohort(dir, { cases: ['ct-01', 'mr-01'] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function report(...args: string[]) {
  let stdout = '';
  const code = runReport(args, (text) => (stdout += text));
  return { code, stdout };
}
const SIGN_IN = { issuer: 'https://login.segqc-test.example/realms/radiology', subject: '0d4e5f60-7a8b-4c9d-8e0f-1a2b3c4d5e6f' };

test('three annotations, an adjudicator, the SOP in force: every pair compared, read back by the core reader', () => {
  const sop = { version: '1.0.0', id: 'ct-chest', checklist: [{ id: 'window' }] };
  writeFileSync(join(dir, 'sop.json'), JSON.stringify(sop, null, 2));
  const out = join(dir, 'qc-3.dcm');
  const { code, stdout } = report(seg(ct, 'rivera'), seg(ct, 'chen'), seg(ct, 'okafor'), '--source', ctSource(), '--out', out,
    '--observer', 'Lindqvist^Maria', '--login', 'mlindqvist', '--role', 'adjudicator', '--sop', join(dir, 'sop.json'));
  expect(code).toBe(0);
  expect(stdout).toMatch(/^wrote .*qc-3.dcm: QC report \(Comprehensive 3D SR 1.2.840.10008.5.1.4.1.1.88.34, TID 1500\), 3 structures, 3 annotations\n/);
  expect(stdout).toContain('  A  rivera.dcm  Rivera^Ana (arivera)\n');
  expect(stdout).toMatch(/ {2}Right lung: A–B Dice 0\.\d{3} HD95 \d+\.\d mm, A–C Dice/);

  const { qc, document } = readQcReport(new Uint8Array(readFileSync(out)));
  expect(qc!.observer).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', role: 'adjudicator' });
  expect(qc!.sop).toEqual({ id: 'ct-chest', version: '1.0.0', sha256: canonicalJsonSha256(sop) });
  expect(qc!.structures.map((s) => [s.label, s.annotations.map((a) => `${a.annotation}:${a.annotatorLogin}`), (s.agreements ?? []).map((a) => a.between.join(''))])).toEqual(
    ct.segs[0].segments.map((segment) => [segment.label, ['A:arivera', 'B:wchen', 'C:cokafor'], ['AB', 'AC', 'BC']]),
  );
  // volumes from the manifest's voxel counts: 1.4 × 1.4 × 2.5 mm voxels
  const rivera = ct.segs.find((s) => s.annotator.key === 'rivera')!;
  expect(qc!.structures.map((s) => s.annotations[0].volumeMl)).toEqual(rivera.segments.map((s) => s.voxelCount * ((1.4 * 1.4 * 2.5) / 1000)));
  expect(qc!.structures.every((s) => s.annotations.every((a) => a.displayRegion !== undefined))).toBe(true);
  expect(document.imageLibrary[0].images).toHaveLength(100);
  expect([document.completionFlag, document.verificationFlag]).toEqual(['PARTIAL', 'UNVERIFIED']);
});

test('--revises joins the earlier report\'s series as its next instance; --sign makes it COMPLETE and VERIFIED', () => {
  const first = join(dir, 'qc-first.dcm');
  report(seg(mr, 'rivera'), seg(mr, 'chen'), '--source', join(dir, 'mr-01'), '--out', first);
  const second = join(dir, 'qc-second.dcm');
  const { stdout } = report(seg(mr, 'rivera'), seg(mr, 'chen'), '--source', join(dir, 'mr-01'), '--out', second, '--revises', first,
    '--observer', 'Okafor^Chidi', '--login', 'cokafor', '--organization', 'Reading Centre', '--sign');
  expect(stdout).toContain('signed off by Okafor^Chidi at');
  // No sign-in given: the command line names the observer, nothing authenticated them.
  expect(stdout).toContain('  observer Okafor^Chidi (cokafor), self-declared\n');
  const earlier = readQcReport(new Uint8Array(readFileSync(first))).qc!;
  const { qc, document } = readQcReport(new Uint8Array(readFileSync(second)));
  expect(earlier.observer).toBeUndefined(); // the SegQC device observed
  expect(qc!.predecessors).toEqual([{ studyInstanceUid: mr.StudyInstanceUID, seriesInstanceUid: earlier.seriesInstanceUid, sopClassUid: '1.2.840.10008.5.1.4.1.1.88.34', sopInstanceUid: earlier.sopInstanceUid }]);
  expect([qc!.seriesInstanceUid, qc!.instanceNumber]).toEqual([earlier.seriesInstanceUid, 2]);
  expect(qc!.verification).toMatchObject({ name: 'Okafor^Chidi', login: 'cokafor', organization: 'Reading Centre', dateTime: expect.stringMatching(/^\d{14}$/) });
  expect([qc!.observer!.authentication, qc!.verification!.authentication]).toEqual([undefined, undefined]);
  expect(document.evaluations.map((item) => item.value.value)).toEqual(['SELF-DECLARED']);
  expect([document.completionFlag, document.verificationFlag, document.preliminaryFlag]).toEqual(['COMPLETE', 'VERIFIED', 'FINAL']);
});

test('with a sign-in, the observer and the verifier who signs off are recorded as authenticated; without an observer it is refused', () => {
  const out = join(dir, 'qc-signed-in.dcm');
  let stdout = '';
  const code = runReport([seg(mr, 'rivera'), seg(mr, 'chen'), '--source', join(dir, 'mr-01'), '--out', out, '--observer', 'Okafor^Chidi', '--login', 'cokafor', '--sign'], (text) => (stdout += text), SIGN_IN);
  expect(code).toBe(0);
  expect(stdout).toContain(`  observer Okafor^Chidi (cokafor), authenticated by ${SIGN_IN.issuer}\n`);
  const { qc } = readQcReport(new Uint8Array(readFileSync(out)));
  expect(qc!.observer).toEqual({ name: 'Okafor^Chidi', login: 'cokafor', organization: 'SegQC Demo Hospital', role: 'reviewer', authentication: SIGN_IN });
  expect(qc!.verification!.authentication).toEqual(SIGN_IN);
  expect(() => runReport([seg(mr, 'rivera'), seg(mr, 'chen'), '--source', join(dir, 'mr-01'), '--out', out], () => undefined, SIGN_IN))
    .toThrow(new UsageError('a sign-in is recorded for the report\'s observer: give --observer and --login'));
});

test('what it writes passes dciodvfy, dsrdump, PixelMed and dcentvfy', () => {
  // Required, not optional: without the validators the test fails, saying why (issue 14).
  expect(validatorUnavailable()).toBeUndefined();
  const out = join(dir, 'qc-mr.dcm');
  report(seg(mr, 'rivera'), seg(mr, 'chen'), '--source', join(dir, 'mr-01'), '--out', out, '--observer', 'Okafor^Chidi', '--login', 'cokafor', '--role', 'reader');
  const evidence = [seg(mr, 'rivera'), seg(mr, 'chen')].map((path) => new Uint8Array(readFileSync(path)));
  expectSrValidatorsPass(validateDicom(new Uint8Array(readFileSync(out)), evidence), 'Comprehensive3DSR');
});

describe('bad input: a typed error with a one-line reason', () => {
  const out = () => join(dir, 'never.dcm');
  const expectThrow = (args: string[], type: typeof UsageError | typeof DicomValueError, reason: RegExp) => {
    let thrown: unknown;
    try {
      report(...args);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(type);
    expect((thrown as Error).message).toMatch(reason);
    expect((thrown as Error).message).not.toContain('\n');
  };

  test('the same SEG twice', () => expectThrow([seg(ct, 'rivera'), seg(ct, 'rivera'), '--source', ctSource(), '--out', out()], UsageError, /rivera.dcm is the same SEG as .*rivera.dcm/));
  test('SEGs of two cases', () => expectThrow([seg(ct, 'rivera'), seg(mr, 'chen'), '--source', ctSource(), '--out', out()], UsageError, /chen.dcm is of another study than .*rivera.dcm; a QC report is of one case/));
  test('a file that is not DICOM', () => {
    writeFileSync(join(dir, 'notes.txt'), 'not a segmentation');
    expectThrow([seg(ct, 'rivera'), join(dir, 'notes.txt'), '--source', ctSource(), '--out', out()], UsageError, /notes.txt is not a DICOM file; a QC report judges DICOM SEGs/);
  });
  test('a CT image given as a SEG', () => {
    const image = join(dir, 'ct-01', 'ct', '0001.dcm');
    expectThrow([seg(ct, 'rivera'), image, '--source', ctSource(), '--out', out()], DicomValueError, /0001.dcm: SOPClassUID: 1.2.840.10008.5.1.4.1.1.2 is not a Segmentation/);
  });
  test('a source folder without the source series', () => expectThrow([seg(ct, 'rivera'), seg(ct, 'chen'), '--source', join(dir, 'mr-01'), '--out', out()], UsageError, /^no image of the source series .* under /));
  test('an output folder that does not exist', () => expectThrow([seg(ct, 'rivera'), seg(ct, 'chen'), '--source', ctSource(), '--out', join(dir, 'nowhere', 'qc.dcm')], UsageError, /the folder .*nowhere does not exist/));
  test('a SOP file that is not a SOP', () => {
    writeFileSync(join(dir, 'bad-sop.json'), '{"id": "x"}');
    expectThrow([seg(ct, 'rivera'), seg(ct, 'chen'), '--source', ctSource(), '--out', out(), '--sop', join(dir, 'bad-sop.json')], UsageError, /bad-sop.json has no string "version"/);
    writeFileSync(join(dir, 'bad-sop.json'), '{"id": ');
    expectThrow([seg(ct, 'rivera'), seg(ct, 'chen'), '--source', ctSource(), '--out', out(), '--sop', join(dir, 'bad-sop.json')], UsageError, /bad-sop.json is not JSON/);
  });
  test('--revises with a file that is not a QC report', () => expectThrow([seg(ct, 'rivera'), seg(ct, 'chen'), '--source', ctSource(), '--out', out(), '--revises', seg(ct, 'okafor')], DicomValueError, /^--revises .*okafor.dcm: SOPClassUID: 1.2.840.10008.5.1.4.1.1.66.4 is not an SR storage class/));
});
