import type { InventorySeg } from '@segqc/core';
import type { QcAnnotationRef } from './QcCaseResult';
import { sliceThicknessWarnings } from './sliceThicknessWarnings';

// OHIF 3.13 writes the gap between painted frames as the SEG's SliceThickness (5 mm on a 2.5 mm CT):
// said once per SEG as a warning, never an error; decimal rounding and SEGs that give none are quiet.
const ref = (id: string, n: number): QcAnnotationRef => ({ id, sopInstanceUid: `2.25.${n}`, seriesInstanceUid: `2.25.9${n}`, name: null, login: null, sop: null, attributedBy: null, segmentsMappedByReviewer: [] });
const seg = (n: number, sliceThicknessMm: number | null) => ({ sopInstanceUid: `2.25.${n}`, sliceThicknessMm }) as InventorySeg;

test('a SEG whose SliceThickness is not its source series\' is warned of; rounding and none are not', () => {
  const annotations = [ref('Lungs reader A (unattributed)', 1), ref('Rivera, Ana', 2), ref('Chen, Wei', 3), ref('Okafor, Chidi', 4)];
  const segs = [seg(1, 5), seg(2, 2.5), seg(3, 2.5001), seg(4, null)];
  expect(sliceThicknessWarnings(annotations, segs, 2.5)).toEqual([{
    id: 'Lungs reader A (unattributed)', sopInstanceUid: '2.25.1',
    warning: "SliceThickness is 5 mm in the SEG and 2.5 mm in its source series; frames are placed by their positions, the SEG's thickness is not used",
  }]);
});
