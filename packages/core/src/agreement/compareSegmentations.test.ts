// Issue 14: a segment without counterpart, compared with an empty mask on the side that lacks it.
import { box, grid } from '../metrics/metrics.fixture';
import { segment, segmentation, union } from '../review/review.fixture';
import { compareSegmentations } from './compareSegmentations';

const g = grid(20, 20, 10);
// Label 1 in both; label 2 (a 3×3×3 cube and a 2×2×2 one far off) only in A.
const a = segmentation(g, [segment(1, 'Label 1', box(g, [1, 1, 1], [4, 4, 4])), segment(2, 'Label 2', union(box(g, [10, 10, 2], [3, 3, 3]), box(g, [16, 16, 6], [2, 2, 2])))]);
const b = segmentation(g, [segment(1, 'Label 1', box(g, [1, 1, 1], [4, 4, 4]))]);

test('by default, as before: the pair compared, label 2 unmatched, nothing missing', () => {
  const comparison = compareSegmentations(a, b);
  expect(comparison.structures.map((s) => s.a.label)).toEqual(['Label 1']);
  expect(comparison.unmatched.map((u) => [u.side, u.segment.number])).toEqual([['a', 2]]);
  expect(comparison.missing).toEqual([]);
  expect(comparison.conventions.missingStructure).toBeUndefined();
  expect(comparison.conventions.lesionSize).toBe('no minimum: every component is a lesion');
});

test('compareUnmatched: label 2 against an empty B — Dice 0, volumes 35 voxels and 0, both lesions missed, distances null', () => {
  const comparison = compareSegmentations(a, b, { compareUnmatched: true, tolerancesMm: [1] });
  expect(comparison.unmatched).toHaveLength(1);
  expect(comparison.missing).toHaveLength(1);
  const [missing] = comparison.missing;
  expect(missing.missing).toBe('b');
  expect(missing.segment.number).toBe(2);
  expect(missing.agreement).toMatchObject({ a: { voxels: 35 }, b: { voxels: 0 }, dice: 0, jaccard: 0, hdMm: null, hd95Mm: null, assdMm: null, nsd: { 1: null } });
  expect(missing.agreement.volumeDifferenceMl).toBeCloseTo(-0.035, 15);
  expect(missing.lesions).toMatchObject({ matched: 0, f1: 0, a: { lesions: 2, extra: 2 }, b: { lesions: 0, missed: 2 } });
  expect(comparison.conventions.missingStructure).toMatch(/compared with an empty mask/);
});

test('a segment only B has is compared in A, B order: A is the empty side', () => {
  const [missing] = compareSegmentations(b, a, { compareUnmatched: true }).missing;
  expect(missing.missing).toBe('a');
  expect(missing.agreement).toMatchObject({ a: { voxels: 0 }, b: { voxels: 35 }, dice: 0 });
  expect(missing.lesions).toMatchObject({ a: { lesions: 0, missed: 2 }, b: { lesions: 2, extra: 2 } });
});

test('minLesionSize 3 mm: the 2×2×2 cube (d 2.48 mm) is no lesion, for pairs and missing structures alike', () => {
  const comparison = compareSegmentations(a, b, { compareUnmatched: true, minLesionSize: { diameterMm: 3 } });
  expect(comparison.missing[0].lesions).toMatchObject({ a: { lesions: 1, belowMinimum: 1 }, b: { missed: 1 } });
  expect(comparison.structures[0].lesions).toMatchObject({ minLesionVoxels: 15, matched: 1 });
  expect(comparison.conventions.lesionSize).toMatch(/≥ 3 mm/);
});
