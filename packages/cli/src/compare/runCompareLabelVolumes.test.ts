// Issue 14: `segqc compare` of two label volumes compares every label either has; a label with no
// voxel in one volume is an empty mask there (Dice 0, every lesion missed) and exits 1, as does a
// --fail-under limit; --min-lesion-mm decides what is a lesion. Hand-made NRRDs, known answers.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../main';

const [columns, rows, slices] = [20, 20, 10];
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-compare-labels-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A label volume on a 1 mm grid: each box [i0, j0, k0, ni, nj, nk] painted with its label. */
function labelVolume(name: string, boxes: Array<[number, [number, number, number, number, number, number]]>): string {
  const labels = new Uint8Array(columns * rows * slices);
  for (const [label, [i0, j0, k0, ni, nj, nk]] of boxes) {
    for (let k = k0; k < k0 + nk; k++) for (let j = j0; j < j0 + nj; j++) for (let i = i0; i < i0 + ni; i++) labels[i + columns * (j + rows * k)] = label;
  }
  const header = [
    'NRRD0004', 'type: uint8', 'dimension: 3', 'space: left-posterior-superior', `sizes: ${columns} ${rows} ${slices}`,
    'space directions: (1,0,0) (0,1,0) (0,0,1)', 'kinds: domain domain domain', 'endian: little', 'encoding: raw', 'space origin: (0,0,0)',
  ].join('\n');
  const path = join(dir, name);
  writeFileSync(path, Buffer.concat([Buffer.from(`${header}\n\n`), labels]));
  return path;
}

function segqc(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = run(args, (t) => (stdout += t), (t) => (stderr += t)) as number;
  return { code, stdout, stderr };
}

// Label 1: a 4×4×4 cube in both. Label 2 only in A: a 3×3×3 nodule (d 3.72 mm) and a 2×2×2 one (d 2.48 mm).
const LABEL_1: [number, number, number, number, number, number] = [2, 2, 2, 4, 4, 4];
const withLabel2 = () => labelVolume('a.nrrd', [[1, LABEL_1], [2, [10, 10, 2, 3, 3, 3]], [2, [15, 15, 6, 2, 2, 2]]]);
const withoutLabel2 = () => labelVolume('b.nrrd', [[1, LABEL_1]]);

test('a label B lacks: compared with an empty mask, first, missing "b", Dice 0, both lesions missed, distances null; exit 1', () => {
  const { code, stdout, stderr } = segqc('compare', withLabel2(), withoutLabel2(), '--json');
  expect([code, stderr]).toEqual([1, '']);
  const report = JSON.parse(stdout);
  expect(report.unmatched).toEqual([]);
  expect(report.segments.map((s: { label: string; missing: string | null }) => [s.label, s.missing])).toEqual([['Label 2', 'b'], ['Label 1', null]]);
  const [missing, shared] = report.segments;
  expect(missing).toMatchObject({
    matched_by: null,
    a: { number: 2, label: 'Label 2', voxels: 35 }, b: { number: null, label: null, voxels: 0, volume_ml: 0 },
    dice: 0, jaccard: 0, hd_mm: null, hd95_mm: null, assd_mm: null, nsd: { 1: null, 2: null },
    lesions: { a: 2, b: 0, matched: 0, missed_by_a: 0, missed_by_b: 2, f1: 0, below_minimum_a: 0, below_minimum_b: 0 },
    failed: [{ criterion: 'missing', missing_from: 'b' }],
  });
  expect(missing.a.volume_ml).toBeCloseTo(0.035, 15);
  expect(shared).toMatchObject({ dice: 1, hd_mm: 0, missing: null, failed: [] });
  expect(report.conventions).toMatchObject({ lesion_size: 'no minimum: every component is a lesion', missing_structure: expect.stringMatching(/empty mask/) });
});

test('the same, A and B swapped: missing "a", B\'s lesions extra', () => {
  const { code, stdout } = segqc('compare', withoutLabel2(), withLabel2(), '--json');
  expect(code).toBe(1);
  const [missing] = JSON.parse(stdout).segments;
  expect(missing).toMatchObject({ missing: 'a', a: { number: null, voxels: 0 }, b: { number: 2, voxels: 35 }, dice: 0, lesions: { a: 0, b: 2, missed_by_a: 2, f1: 0 } });
});

test('the table prints the missing label first as the worst row, no "unmatched" line, and why it fails', () => {
  const { code, stdout } = segqc('compare', withLabel2(), withoutLabel2());
  expect(code).toBe(1);
  const lines = stdout.split('\n');
  const firstRow = lines.findIndex((line) => line.startsWith('Label'));
  expect(lines[firstRow]).toMatch(/^Label 2 \(missing in B\)\s+0\.000\s+0\.000\s+—\s+—\s+—\s+—\s+—\s+0\.04\s+0\.00\s+2\/0\/0\s+0\.00$/);
  expect(lines[firstRow + 1]).toMatch(/^Label 1\s+1\.000/);
  expect(stdout).not.toContain('unmatched');
  expect(stdout).toContain('FAIL Label 2: missing from B (compared with an empty mask)');
});

test('--min-lesion-mm 3: the 2×2×2 nodule (8 mm³, d 2.48 mm) is no lesion, so one lesion is missed', () => {
  const report = JSON.parse(segqc('compare', withLabel2(), withoutLabel2(), '--json', '--min-lesion-mm', '3').stdout);
  expect(report.segments[0].lesions).toMatchObject({ a: 1, b: 0, missed_by_b: 1, below_minimum_a: 1 });
  expect(report.conventions.lesion_size).toMatch(/equivalent-sphere diameter .* ≥ 3 mm/);
});

test('--fail-under: both labels present, B\'s label 1 shifted 1 mm (Dice 0.75, HD 1 mm) fails dice=0.9, passes dice=0.7,hd95=1', () => {
  const a = labelVolume('a1.nrrd', [[1, LABEL_1]]);
  const b = labelVolume('b1.nrrd', [[1, [3, 2, 2, 4, 4, 4]]]);
  expect(segqc('compare', a, b).code).toBe(0);
  const failing = segqc('compare', a, b, '--json', '--fail-under', 'dice=0.9,hd95=1');
  expect(failing.code).toBe(1);
  const [label1] = JSON.parse(failing.stdout).segments;
  expect(label1.dice).toBeCloseTo(0.75, 15);
  expect(label1.failed).toEqual([{ criterion: 'dice', tolerance_mm: null, limit: 0.9, value: label1.dice }]);
  expect(segqc('compare', a, b, '--fail-under', 'dice=0.7,hd95=1').code).toBe(0);
  expect(segqc('compare', a, b, '--fail-under', 'dice=0.9').stdout).toContain('FAIL Label 1: Dice 0.750 < 0.9');
});

test('--fail-under on a missing label: the distances are undefined with one mask empty, so hd95 fails too', () => {
  const [missing] = JSON.parse(segqc('compare', withLabel2(), withoutLabel2(), '--json', '--fail-under', 'hd95=5').stdout).segments;
  expect(missing.failed).toEqual([{ criterion: 'missing', missing_from: 'b' }, { criterion: 'hd95', tolerance_mm: null, limit: 5, value: null }]);
});

test('--help prints the options and the exit status', () => {
  const { code, stdout } = segqc('compare', '--help');
  expect(code).toBe(0);
  expect(stdout).toContain('--fail-under LIST');
  expect(stdout).toContain('Exit status: 0 when every structure is on both sides');
});
