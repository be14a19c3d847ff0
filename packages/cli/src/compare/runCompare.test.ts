import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoManifest, writeDemoCohort } from '@segqc/demo-data';
import { run } from '../main';
import { loadSegmentation } from './loadSegmentation';
import { INTEROP_DIR } from '../../../../tests/harness/interopCorpus';

// `segqc compare` is how research groups and batch jobs get the agreement numbers; its JSON is a
// contract. These run the command in-process on the demo cohort (manifest = ground truth) and on
// files written by other tools (tests/data/interop).
jest.setTimeout(120_000);

const CASE = 'ct-01';
const demoCase = demoManifest({ cases: [CASE] }).cases[0];
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-compare-'));
  writeDemoCohort(dir, { cases: [CASE] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function segqc(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, (t) => (stdout += t), (t) => (stderr += t));
  return { code, stdout, stderr };
}

const segPath = (annotator: string) => join(dir, demoCase.segs.find((s) => s.annotator.key === annotator)!.path);

test('--json: one object per the contract, voxel counts equal to the written masks, undefined values null', () => {
  const [rivera, chen] = ['rivera', 'chen'].map((key) => demoCase.segs.find((s) => s.annotator.key === key)!);
  const { code, stdout, stderr } = segqc('compare', segPath('rivera'), segPath('chen'), '--source', join(dir, CASE), '--json');
  expect([code, stderr]).toEqual([0, '']);
  expect(stdout.trim().split('\n')).toHaveLength(1);
  const report = JSON.parse(stdout);
  expect(Object.keys(report)).toEqual(['conventions', 'segments', 'unmatched']);
  expect(report.conventions).toMatchObject({ hd95_variant: 'pooled', tolerances_mm: [1, 2], engine: expect.stringMatching(/^segqc-core@/) });
  expect(report.unmatched).toEqual([]);
  expect(report.segments.map((s: { label: string }) => s.label)).toEqual(rivera.segments.map((s) => s.label));
  for (const [n, segment] of report.segments.entries()) {
    expect(segment.a.voxels).toBe(rivera.segments[n].voxelCount);
    expect(segment.b.voxels).toBe(chen.segments[n].voxelCount);
    expect(segment.dice).toBeGreaterThan(0.5);
    expect(segment.dice).toBeLessThan(1);
    expect(segment.hd95_mm).toBeGreaterThan(0);
    expect(segment.hd95_mm).toBeLessThanOrEqual(segment.hd_mm);
    expect(Object.keys(segment.nsd)).toEqual(['1', '2']);
    expect(segment.nsd['1']).toBeLessThanOrEqual(segment.nsd['2']);
  }
  // Chen misses the smallest nodule on some cases, Rivera adds a false one on one (the manifest says which)
  const nodules = report.segments.find((s: { lesions: unknown; label: string }) => s.label === 'Lung nodule');
  expect(nodules.lesions.a).toBe(rivera.detection.detected.length + rivera.detection.falsePositives);
  expect(nodules.lesions.b).toBe(chen.detection.detected.length + chen.detection.falsePositives);
});

test('a SEG against itself: Dice 1, every distance 0, NSD 1', () => {
  const report = JSON.parse(segqc('compare', segPath('okafor'), segPath('okafor'), '--source', join(dir, CASE), '--json', '--tolerance', '0.5').stdout);
  for (const segment of report.segments) {
    expect([segment.dice, segment.jaccard, segment.hd_mm, segment.hd95_mm, segment.assd_mm, segment.nsd]).toEqual([1, 1, 0, 0, 0, { '0.5': 1 }]);
  }
});

test('the table names both annotations and has one row per structure', () => {
  const { code, stdout } = segqc('compare', segPath('rivera'), segPath('okafor'), '--source', join(dir, CASE));
  expect(code).toBe(0);
  expect(stdout).toContain('by Rivera^Ana');
  expect(stdout).toContain('by Okafor^Chidi');
  for (const segment of demoCase.segs[0].segments) expect(stdout).toMatch(new RegExp(`^${segment.label}\\s+0\\.\\d{3}`, 'm'));
});

// Issue 14: a SEG against a label volume that lacks one of its segments (label value N = segment N):
// the segment stays listed as unmatched and is also compared with an empty mask; exit 1.
test('SEG vs a label volume without its last segment: unmatched, and compared as missing from B with Dice 0; exit 1', () => {
  const { segmentation } = loadSegmentation(segPath('rivera'), join(dir, CASE));
  const { grid } = segmentation;
  const last = segmentation.segments[segmentation.segments.length - 1];
  const labels = new Uint8Array(grid.columns * grid.rows * grid.slices);
  for (const segment of segmentation.segments) if (segment !== last) for (const n of segment.mask.indices()) labels[n] = segment.number;
  const axis = (direction: readonly number[], spacing: number) => `(${direction.map((d) => d * spacing).join(',')})`;
  const header = [
    'NRRD0004', 'type: uint8', 'dimension: 3', 'space: left-posterior-superior', `sizes: ${grid.columns} ${grid.rows} ${grid.slices}`,
    `space directions: ${axis(grid.rowDirection, grid.spacing[0])} ${axis(grid.columnDirection, grid.spacing[1])} ${axis(grid.sliceDirection, grid.spacing[2])}`,
    'kinds: domain domain domain', 'endian: little', 'encoding: raw', `space origin: (${grid.origin.join(',')})`,
  ].join('\n');
  const nrrd = join(dir, 'rivera-without-last.nrrd');
  writeFileSync(nrrd, Buffer.concat([Buffer.from(`${header}\n\n`), labels]));
  const { code, stdout, stderr } = segqc('compare', segPath('rivera'), nrrd, '--source', join(dir, CASE), '--json');
  expect([code, stderr]).toEqual([1, '']);
  const report = JSON.parse(stdout);
  expect(report.unmatched).toEqual([expect.objectContaining({ side: 'a', number: last.number, label: last.label })]);
  expect(report.segments[0]).toMatchObject({
    label: last.label, missing: 'b', a: { number: last.number, voxels: last.mask.count() }, b: { number: null, voxels: 0 },
    dice: 0, hd95_mm: null, lesions: { b: 0, matched: 0, f1: 0 }, failed: [{ criterion: 'missing', missing_from: 'b' }],
  });
  expect(report.segments[0].lesions.missed_by_b).toBe(report.segments[0].lesions.a);
  expect(report.segments.slice(1).every((s: { missing: string | null }) => s.missing === null)).toBe(true);
});

test.each([
  [['compare', '/nonexistent/a.dcm', '/nonexistent/b.dcm'], 2, 'segqc: cannot read /nonexistent/a.dcm: no such file'],
  [['compare', 'A', 'B', '--hd95', 'mean'], 2, "segqc: --hd95 is pooled or directed-max, not 'mean'"],
])('bad input %j: exit %i, one line', (args, expectedCode, message) => {
  const { code, stdout, stderr } = segqc(...args);
  expect([code, stdout, stderr]).toEqual([expectedCode, '', `${message}\n`]);
});

test('a SEG without --source, and a file of another kind, are one-line usage errors', () => {
  expect(segqc('compare', segPath('rivera'), segPath('chen')).stderr).toBe(`segqc: ${segPath('rivera')} is a DICOM SEG: give the folder of its source series with --source DIR\n`);
  const text = join(dir, 'notes.txt');
  writeFileSync(text, 'not a segmentation');
  expect(segqc('compare', text, text)).toEqual({ code: 2, stdout: '', stderr: `segqc: ${text} is neither a DICOM SEG, an NRRD nor a NIfTI (.nii, .nii.gz) file\n` });
});

const interop = INTEROP_DIR;

// The corpus is in the repository (tests/data/interop): without it these comparisons fail, never skip.
test('the interop corpus is present', () => {
  expect(existsSync(interop)).toBe(true);
});

test('dcmqi: liver.dcm on its CT equals its NRRD ground truth (Dice 1, HD 0)', () => {
  const { code, stdout, stderr } = segqc('compare', join(interop, 'dcmqi', 'liver.dcm'), join(interop, 'dcmqi', 'liver_seg.nrrd'), '--source', join(interop, 'dcmqi', 'ct-3slice'), '--json');
  expect([code, stderr]).toEqual([0, '']);
  const [liver] = JSON.parse(stdout).segments;
  expect(liver.a.voxels).toBeGreaterThan(0);
  expect([liver.a.voxels, liver.dice, liver.hd_mm]).toEqual([liver.b.voxels, 1, 0]);
});

test('highdicom: the overlapping two-segment SEG reads onto pydicom-CT2 (a series with a gap) and agrees with itself', () => {
  const seg = join(interop, 'highdicom', 'seg_image_ct_binary_overlap.dcm');
  const { code, stdout, stderr } = segqc('compare', seg, seg, '--source', join(interop, 'pydicom-CT2'), '--json');
  expect([code, stderr]).toEqual([0, '']);
  const report = JSON.parse(stdout);
  expect(report.segments).toHaveLength(2);
  for (const segment of report.segments) expect([segment.a.voxels > 0, segment.dice]).toEqual([true, 1]);
});
