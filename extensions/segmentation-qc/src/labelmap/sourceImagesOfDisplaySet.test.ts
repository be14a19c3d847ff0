import { GeometryMismatchError } from '@segqc/core';
import { COLUMNS, ROWS, SLICES, ctDisplaySet, imageIdOf, sliceOfInstance } from './labelmapBridge.fixture';
import { LabelmapBridgeError } from './LabelmapBridgeError';
import { sourceImagesOfDisplaySet } from './sourceImagesOfDisplaySet';

// SEG masks, labelmaps and the viewport must agree on which image is slice k. OHIF lists a series'
// images in its own order (here head first); the grid sorts them along the slice normal, and every
// slice keeps the SOPInstanceUID and imageId that tie it back to the viewer.
test('sorts the images along the normal and ties each grid slice to its SOPInstanceUID and imageId', () => {
  const series = sourceImagesOfDisplaySet(ctDisplaySet());
  expect(series.sourceGrid.grid).toMatchObject({ columns: COLUMNS, rows: ROWS, slices: SLICES, spacing: [0.5, 0.5, 2.5], origin: [-10, -20, -12.5] });
  expect(series.sourceGrid.sliceOrder).toEqual([0, 1, 2, 3, 4, 5]);
  for (let n = 0; n < SLICES; n++) {
    const k = sliceOfInstance(n);
    expect(series.slices[k]).toEqual({ k, sopInstanceUID: `2.25.100${n}`, imageId: imageIdOf(n), centre: [-9, -19.25, n === 0 ? 0 : -2.5 * n], instanceNumber: n + 1 });
    expect(series.sourceImages[k].SOPInstanceUID).toBe(`2.25.100${n}`);
  }
  expect(series.sourceImages[0]).toMatchObject({ PatientName: 'Phantom^Chest', FrameOfReferenceUID: '2.25.3', SliceThickness: 2.5 });
});

test('takes the display set imageIds when the instances carry none', () => {
  const displaySet = ctDisplaySet({ withImageIds: false });
  displaySet.imageIds = displaySet.images!.map((_, n) => imageIdOf(n));
  expect(sourceImagesOfDisplaySet(displaySet).slices[sliceOfInstance(2)].imageId).toBe(imageIdOf(2));
  expect(() => sourceImagesOfDisplaySet(ctDisplaySet({ withImageIds: false }))).toThrow(LabelmapBridgeError);
});

test('a series that is not one regular stack is a GeometryMismatchError naming the image', () => {
  const displaySet = ctDisplaySet();
  displaySet.images![3].ImagePositionPatient = [-10, -20, -7.9];
  expect(() => sourceImagesOfDisplaySet(displaySet)).toThrow(GeometryMismatchError);
  expect(() => sourceImagesOfDisplaySet({ ...ctDisplaySet(), images: [], instances: [] })).toThrow(/no image metadata/);
});
