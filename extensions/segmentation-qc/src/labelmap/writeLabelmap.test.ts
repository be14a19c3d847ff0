import { PIXELS, SLICES, ctDisplaySet, fakeCornerstone, sliceOfInstance } from './labelmapBridge.fixture';
import { readLabelmapMasks } from './readLabelmapMasks';
import { sourceImagesOfDisplaySet } from './sourceImagesOfDisplaySet';
import { writeLabelmap } from './writeLabelmap';

// An annotator's earlier SEG is put back into a labelmap to be edited: grid slice k must be written
// to the labelmap image of the source image with slice k's SOPInstanceUID, and read back unchanged.
const series = sourceImagesOfDisplaySet(ctDisplaySet());

test('writes labels by SOPInstanceUID, reads them back unchanged and re-renders the segmentation', () => {
  const cs = fakeCornerstone();
  const imageIds = cs.addStackLayer('seg', 'seg-storage-0', [3, 0, 5, 1, 4, 2]);
  cs.segmentations.get('seg')!.segments = { 1: {}, 2: {} };
  const labels = new Uint8Array(PIXELS * SLICES);
  labels[sliceOfInstance(3) * PIXELS + 6] = 1;
  labels[sliceOfInstance(5) * PIXELS + 0] = 2;
  labels[sliceOfInstance(5) * PIXELS + 1] = 2;

  writeLabelmap('seg', labels, series.slices, cs);
  expect(cs.images.get(imageIds[0])!.pixels[6]).toBe(1); // instance 3
  expect([...cs.images.get(imageIds[2])!.pixels.slice(0, 2)]).toEqual([2, 2]); // instance 5
  expect(cs.modified).toEqual(['seg']);
  const masks = readLabelmapMasks('seg', series.slices, series.sourceGrid.grid, cs);
  const back = new Uint8Array(labels.length);
  for (const [segment, mask] of masks) for (const index of mask.indices()) back[index] = segment;
  expect(back).toEqual(labels);
});

test('clears what the labels do not have, and writes each segment to its own layer and value', () => {
  const cs = fakeCornerstone();
  const first = cs.addStackLayer('seg', 'seg-storage-0', [0, 1, 2, 3, 4, 5]);
  const second = cs.addStackLayer('seg', 'seg-storage-1', [0, 1, 2, 3, 4, 5]);
  const segmentation = cs.segmentations.get('seg')!;
  segmentation.segments = { 1: {}, 2: {} };
  segmentation.representationData.Labelmap!.segmentBindings = { 1: { labelmapId: 'seg-storage-0', labelValue: 1 }, 2: { labelmapId: 'seg-storage-1', labelValue: 9 } };
  cs.images.get(first[2])!.pixels.fill(1);
  const labels = new Uint8Array(PIXELS * SLICES);
  labels[sliceOfInstance(2) * PIXELS + 4] = 2;
  writeLabelmap('seg', labels, series.slices, cs);
  expect(cs.images.get(first[2])!.pixels.every((v) => v === 0)).toBe(true);
  expect(cs.images.get(second[2])!.pixels[4]).toBe(9);
});

test('a label that is not a segment, or labels of the wrong size, are refused before anything is written', () => {
  const cs = fakeCornerstone();
  const imageIds = cs.addStackLayer('seg', 'seg-storage-0', [0, 1, 2, 3, 4, 5]);
  cs.segmentations.get('seg')!.segments = { 1: {} };
  const labels = new Uint8Array(PIXELS * SLICES).fill(1);
  labels[0] = 3;
  expect(() => writeLabelmap('seg', labels, series.slices, cs)).toThrow('label 3 is not a segment of segmentation seg');
  expect(cs.images.get(imageIds[0])!.pixels.every((v) => v === 0)).toBe(true);
  expect(() => writeLabelmap('seg', new Uint8Array(7), series.slices, cs)).toThrow(/cannot be cut into 6 slices/);
  expect(cs.modified).toEqual([]);
});
