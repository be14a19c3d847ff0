import { BitMask } from '@segqc/core';
import { grid, segment, segmentation } from '../../../core/src/review/review.fixture';
import type { QcAnnotationRef } from './QcCaseResult';
import { sparsePaintingWarnings } from './sparsePaintingWarnings';

// A reader who painted the right lung on every other slice is told apart from one who painted every
// slice: the warning says how many of the spanned slices were painted, per segment.
const g = grid(4, 4, 12);
const voxel = (k: number) => 5 + g.columns * g.rows * k;
const maskOn = (slices: number[]) => {
  const mask = new BitMask(g);
  for (const k of slices) mask.set(voxel(k));
  return mask;
};
const ref = (id: string, n: number): QcAnnotationRef => ({ id, sopInstanceUid: `2.25.${n}`, seriesInstanceUid: `2.25.9${n}`, name: null, login: null, sop: null, attributedBy: null, segmentsMappedByReviewer: [] });

test('a segment painted with skipped slices is warned of; one painted on every slice, or lesions far apart, are not', () => {
  const segmentations = new Map([
    ['Lungs reader A (unattributed)', segmentation(g, [segment(1, 'Right lung', maskOn([2, 4, 6, 8, 10])), segment(2, 'Left lung', maskOn([3, 4, 5]))])],
    ['Rivera, Ana', segmentation(g, [segment(1, 'Right lung', maskOn([2, 3, 4, 5, 6, 7, 8, 9, 10])), segment(2, 'Lung nodule', maskOn([0, 1, 9, 10]))])],
  ]);
  expect(sparsePaintingWarnings([ref('Lungs reader A (unattributed)', 1), ref('Rivera, Ana', 2)], segmentations)).toEqual([{
    id: 'Lungs reader A (unattributed)', sopInstanceUid: '2.25.1',
    warning: 'Right lung painted on 5 of 9 slices: between painted slices its agreement measures coverage as much as boundaries',
  }]);
});
