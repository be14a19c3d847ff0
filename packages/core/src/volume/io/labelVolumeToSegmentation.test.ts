// Label volume → one BitMask per structure: each mask holds exactly the voxels of its value (checked
// against a per-voxel recount), legends and Slicer descriptions name and code the segments, and
// described-but-empty structures stay as empty segments.
import { SCT } from '../../codes/sct';
import type { VoxelGrid } from '../VoxelGrid';
import type { LabelVolume } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';
import { segmentationFromLabelVolume } from './labelVolumeToSegmentation';

const GRID: VoxelGrid = {
  columns: 7, rows: 5, slices: 3, spacing: [1, 1, 2], origin: [0, 0, 0],
  rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1],
};
// 105 voxels: value 3 on a diagonal band, 1 in slice 0's first row, 9 in one voxel.
const LABELS = Uint16Array.from({ length: 105 }, (_, v) => (v === 100 ? 9 : v < 7 ? 1 : (v * 5) % 7 === 0 ? 3 : 0));

function indicesOf(labels: ArrayLike<number>, value: number): number[] {
  return Array.from(labels).flatMap((x, v) => (x === value ? [v] : []));
}

test('one segment per distinct non-zero value, numbered by value, holding exactly its voxels', () => {
  const segmentation = segmentationFromLabelVolume({ grid: GRID, labels: LABELS }, { source: { file: 'a.nrrd' } });
  expect(segmentation.grid).toBe(GRID);
  expect(segmentation.source).toEqual({ file: 'a.nrrd' });
  expect(segmentation.segments.map((s) => [s.number, s.label])).toEqual([[1, 'Label 1'], [3, 'Label 3'], [9, 'Label 9']]);
  for (const segment of segmentation.segments) {
    expect(Array.from(segment.mask.indices())).toEqual(indicesOf(LABELS, segment.number));
    expect(segment.category).toBeUndefined();
  }
  expect(segmentation.segments.map((s) => s.mask.count())).toEqual([7, 14, 1]);
});

test('a legend names and codes segments by value; a legend value with no voxels is an empty segment', () => {
  const segmentation = segmentationFromLabelVolume(
    { grid: GRID, labels: LABELS },
    { labels: { 3: { label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right }, 4: { label: 'Left lung', type: SCT.Lung, typeModifier: SCT.Left } } },
  );
  const byNumber = new Map(segmentation.segments.map((s) => [s.number, s]));
  expect(byNumber.get(3)).toMatchObject({ label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right });
  expect(byNumber.get(4)).toMatchObject({ label: 'Left lung', type: SCT.Lung, typeModifier: SCT.Left });
  expect(byNumber.get(4)!.mask.count()).toBe(0);
  expect(segmentation.segments.map((s) => s.number)).toEqual([1, 3, 4, 9]);
});

test('Slicer layers: described segments numbered 1, 2, … in file order, each from its own layer', () => {
  const layer1 = Uint8Array.from({ length: 105 }, (_, v) => (v % 10 === 0 ? 1 : 0));
  const volume: LabelVolume = {
    grid: GRID,
    labels: LABELS,
    layers: [LABELS, layer1],
    segments: [
      { layer: 0, labelValue: 3, name: 'band', type: SCT.Lesion },
      { layer: 1, labelValue: 1, name: 'overlap' },
      { layer: 0, labelValue: 1, name: 'row' },
      { layer: 0, labelValue: 7, name: 'never drawn' },
    ],
  };
  const segmentation = segmentationFromLabelVolume(volume);
  expect(segmentation.segments.map((s) => [s.number, s.label, s.mask.count()])).toEqual([
    [1, 'band', 14], [2, 'overlap', 11], [3, 'row', 7], [4, 'never drawn', 0], [5, 'Layer 0 label 9', 1],
  ]);
  expect(Array.from(segmentation.segments[1].mask.indices())).toEqual(indicesOf(layer1, 1));
  expect(segmentation.segments[0].type).toEqual(SCT.Lesion);
});

test('inconsistent inputs are LabelVolumeErrors', () => {
  expect(() => segmentationFromLabelVolume({ grid: GRID, labels: new Uint8Array(104) })).toThrow(LabelVolumeError);
  const grey = Uint16Array.from({ length: 105 }, (_, v) => v + 1);
  expect(() => segmentationFromLabelVolume({ grid: GRID, labels: grey }, { maxSegments: 100 })).toThrow(/more than 100 distinct label values/);
  expect(() => segmentationFromLabelVolume({ grid: GRID, labels: LABELS }, { labels: { 0: { label: 'background' } } })).toThrow(LabelVolumeError);
  const twice: LabelVolume = { grid: GRID, labels: LABELS, segments: [{ layer: 0, labelValue: 1, name: 'a' }, { layer: 0, labelValue: 1, name: 'b' }] };
  expect(() => segmentationFromLabelVolume(twice)).toThrow(/described twice/);
});
