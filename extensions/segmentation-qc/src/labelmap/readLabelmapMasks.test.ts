import { gridFromSourceImages } from '@segqc/core';
import { PIXELS, ctDisplaySet, fakeCornerstone, sliceOfInstance } from './labelmapBridge.fixture';
import { LabelmapBridgeError } from './LabelmapBridgeError';
import { readLabelmapMasks } from './readLabelmapMasks';
import { sourceImagesOfDisplaySet } from './sourceImagesOfDisplaySet';

// What the annotator brushed becomes the SEG: every painted voxel must land on the slice of the
// source image it was painted on, whatever order the labelmap keeps its images in.
const series = sourceImagesOfDisplaySet(ctDisplaySet());
const { grid } = series.sourceGrid;

test('reads each segment of a stack labelmap onto the grid slice of its source image', () => {
  const cs = fakeCornerstone();
  // The labelmap's images are in the instances' order (head first), not the grid's.
  const imageIds = cs.addStackLayer('seg', 'seg-storage-0', [0, 1, 2, 3, 4, 5]);
  cs.segmentations.get('seg')!.segments = { 1: {}, 2: {}, 3: {} };
  const onInstance4 = cs.images.get(imageIds[4])!.pixels;
  onInstance4[0] = 1;
  onInstance4[7] = 1;
  onInstance4[8] = 2;
  cs.images.get(imageIds[0])!.pixels[19] = 2;

  const masks = readLabelmapMasks('seg', series.slices, grid, cs);
  expect([...masks.keys()]).toEqual([1, 2, 3]);
  const k4 = sliceOfInstance(4) * PIXELS;
  expect([...masks.get(1)!.indices()]).toEqual([k4, k4 + 7]);
  expect([...masks.get(2)!.indices()]).toEqual([k4 + 8, sliceOfInstance(0) * PIXELS + 19]);
  expect(masks.get(3)!.count()).toBe(0);
});

test('overlapping segments on two layers, each bound to its layer and label value', () => {
  const cs = fakeCornerstone();
  const first = cs.addStackLayer('seg', 'seg-storage-0', [5, 4, 3, 2, 1, 0]);
  const second = cs.addStackLayer('seg', 'seg-storage-1', [2, 3]);
  const segmentation = cs.segmentations.get('seg')!;
  segmentation.segments = { 1: {}, 2: {} };
  segmentation.representationData.Labelmap!.segmentBindings = { 1: { labelmapId: 'seg-storage-0', labelValue: 1 }, 2: { labelmapId: 'seg-storage-1', labelValue: 7 } };
  cs.images.get(first[3])!.pixels.fill(1, 0, 5); // instance 2, row 0
  cs.images.get(second[0])!.pixels.fill(7, 0, 5); // instance 2 again: the same voxels, segment 2
  const masks = readLabelmapMasks('seg', series.slices, grid, cs);
  const row0 = [0, 1, 2, 3, 4].map((p) => sliceOfInstance(2) * PIXELS + p);
  expect([...masks.get(1)!.indices()]).toEqual(row0);
  expect([...masks.get(2)!.indices()]).toEqual(row0);
});

test('a labelmap kept the pre-layer way (one stack in the representation data) reads the same', () => {
  const cs = fakeCornerstone();
  const imageIds = cs.addStackLayer('seg', 'seg-storage-0', [1, 0]);
  const segmentation = cs.segmentations.get('seg')!;
  const layer = segmentation.representationData.Labelmap!.labelmaps!['seg-storage-0'];
  segmentation.representationData.Labelmap = { imageIds: layer.imageIds, referencedImageIds: layer.referencedImageIds };
  segmentation.segments = { 1: {} };
  cs.images.get(imageIds[0])!.pixels[3] = 1;
  expect([...readLabelmapMasks('seg', series.slices, grid, cs).get(1)!.indices()]).toEqual([sliceOfInstance(1) * PIXELS + 3]);
});

test('a labelmap of another series or of another size is refused with the reason', () => {
  const cs = fakeCornerstone();
  const imageIds = cs.addStackLayer('seg', 'seg-storage-0', [0]);
  cs.segmentations.get('seg')!.segments = { 1: {} };
  cs.images.get(imageIds[0])!.referencedImageId = 'wadors:/dicom-web/studies/2.25.1/series/2.25.9/instances/2.25.999/frames/1';
  cs.segmentations.get('seg')!.representationData.Labelmap!.labelmaps!['seg-storage-0'].referencedImageIds = undefined;
  expect(() => readLabelmapMasks('seg', series.slices, grid, cs)).toThrow(new LabelmapBridgeError('labelmap layer seg-storage-0 has no image derived from this series'));
  expect(() => readLabelmapMasks('nope', series.slices, grid, cs)).toThrow(/not in the viewer/);
  const other = sourceImagesOfDisplaySet(ctDisplaySet());
  const smaller = gridFromSourceImages(other.sourceImages.map((image) => ({ ...image, Rows: 2 }))).grid;
  const cs2 = fakeCornerstone();
  cs2.addStackLayer('seg', 'seg-storage-0', [0]);
  expect(() => readLabelmapMasks('seg', other.slices, smaller, cs2)).toThrow(/5×4 pixels; the series has 10 per slice/);
});
