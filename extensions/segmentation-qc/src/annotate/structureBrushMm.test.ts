// Issue 16: OHIF's brush starts at 25 mm, too wide for a SOP about 3 mm lesions. The brush follows
// the SOP's brushMm of the structure whose segment is selected (segment n is structure n − 1).
import type { Sop } from '@segqc/core';
import { structureBrushMm } from './structureBrushMm';

const sop = { structures: [{ label: 'Right lung', brushMm: 10 }, { label: 'Lung nodule', brushMm: 1.5 }, { label: 'Trachea' }] } as unknown as Sop;

test('segment n takes the brush of structure n − 1', () => {
  expect([1, 2].map((segment) => structureBrushMm(sop, segment))).toEqual([10, 1.5]);
});

test('a structure without a brush, or a segment beyond the SOP, leaves the brush as it is', () => {
  expect([3, 4, 0].map((segment) => structureBrushMm(sop, segment))).toEqual([null, null, null]);
});
