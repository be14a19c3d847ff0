// From annotations to the report's structures, on boxes whose agreement is known: segments joined
// into structures through the pairs' matches, letters in the order given, volumes and Dice exact,
// a segment no one else drew kept as a structure of its own, display regions on the busiest slice.
import { SCT } from '../codes/sct';
import { SOP_CLASS } from '../dicom/sopClasses';
import { box, grid } from '../metrics/metrics.fixture';
import type { BitMask } from '../volume/BitMask';
import type { Segmentation } from '../volume/Segmentation';
import type { JudgedSegInfo } from './describeJudgedSeg';
import { judgeSegmentations, type JudgedSegmentation } from './judgeSegmentations';
import { sha, uid } from './syntheticReport.fixture';

const g = grid(20, 20, 10, [1, 1, 2]);
const sliceImages = Array.from({ length: g.slices }, (_, k) => ({ sopClassUid: SOP_CLASS.CtImageStorage, sopInstanceUid: uid(`image ${k}`) }));

function judged(name: string, segments: Array<[number, string, BitMask, typeof SCT.Lung, (typeof SCT.Right)?]>): JudgedSegmentation {
  const info: JudgedSegInfo = {
    sopClassUid: SOP_CLASS.SegmentationStorage, sopInstanceUid: uid(`seg ${name}`), seriesInstanceUid: uid(`series ${name}`), studyInstanceUid: uid('study'),
    sourceSeriesInstanceUid: uid('ct'), annotatorName: `${name}^Test`, annotatorLogin: name, pixelDataSha256: sha(name),
    subject: { PatientName: 'P', PatientID: '1', StudyInstanceUID: uid('study') },
  };
  const segmentation: Segmentation = {
    grid: g,
    segments: segments.map(([number, label, mask, type, typeModifier]) => ({ number, label, category: SCT.AnatomicalStructure, type, ...(typeModifier ? { typeModifier } : {}), mask })),
    source: {},
  };
  return { info, segmentation };
}

// A: right lung 4×4×4 at (2,2,2), nodule 2×2×2. B: right lung shifted by one column (overlap 3×4×4), no nodule.
// C: right lung as A, and a left lung no one else drew.
const a = judged('a', [[1, 'Right lung', box(g, [2, 2, 2], [4, 4, 4]), SCT.Lung, SCT.Right], [2, 'Lung nodule', box(g, [12, 12, 1], [2, 2, 2]), SCT.Nodule]]);
const b = judged('b', [[5, 'Right lung', box(g, [3, 2, 2], [4, 4, 4]), SCT.Lung, SCT.Right]]);
const c = judged('c', [[1, 'Right lung', box(g, [2, 2, 2], [4, 4, 4]), SCT.Lung, SCT.Right], [2, 'Left lung', box(g, [10, 2, 5], [3, 3, 3]), SCT.Lung, SCT.Left]]);

test('structures: one per matched set of segments, lettered in the order given, each pair compared once', () => {
  const { structures, conventions } = judgeSegmentations([a, b, c], { sliceImages });
  expect(structures.map((s) => [s.label, s.annotations.map((x) => `${x.annotation}${x.segment.segmentNumber}`), (s.agreements ?? []).map((x) => x.between.join(''))])).toEqual([
    ['Right lung', ['A1', 'B5', 'C1'], ['AB', 'AC', 'BC']],
    ['Lung nodule', ['A2'], []],
    ['Left lung', ['C2'], []],
  ]);
  const [right] = structures;
  expect(right.typeModifier).toEqual(SCT.Right);
  // 64 voxels of 2 mm³: 0.128 mL; A and B overlap in 48 voxels: Dice 2·48/128 = 0.75, Jaccard 48/80 = 0.6.
  expect(right.annotations.map((x) => x.volumeMl)).toEqual([0.128, 0.128, 0.128]);
  expect(right.agreements!.map((x) => [x.dice, x.jaccard])).toEqual([[0.75, 0.6], [1, 1], [0.75, 0.6]]);
  expect(right.agreements![1]).toMatchObject({ hdMm: 0, hd95Mm: 0, assdMm: 0, nsd: { '1': 1, '2': 1 } });
  expect(right.annotations[0]).toMatchObject({ annotatorName: 'a^Test', annotatorLogin: 'a', pixelDataSha256: sha('a'), sourceSeriesInstanceUid: uid('ct') });
  expect(Object.keys(conventions).sort()).toEqual(['assd', 'dice', 'distance', 'foreground', 'hd', 'hd95', 'hd95Variant', 'jaccard', 'nsd', 'segmentMatching', 'surface', 'undefinedDistances', 'volume']);
});

test('the display region: the rectangle around the annotation on its busiest slice, through pixel corners', () => {
  const { structures } = judgeSegmentations([a, b], { sliceImages });
  // The box spans slices 2..5 equally: the first of them; columns 3..6, rows 2..5 for B.
  expect(structures[0].annotations[1].displayRegion).toEqual({ image: sliceImages[2], outline: [3, 2, 7, 2, 7, 6, 3, 6, 3, 2] });
});

test('one annotation: volumes only, with only the conventions of the volume', () => {
  const { structures, conventions } = judgeSegmentations([a]);
  expect(structures.map((s) => [s.label, s.agreements])).toEqual([['Right lung', undefined], ['Lung nodule', undefined]]);
  expect(structures[0].annotations[0].displayRegion).toBeUndefined(); // no slice images given
  expect(Object.keys(conventions).sort()).toEqual(['foreground', 'volume']);
});

test('labels name structures: a missing one is the type, a repeated one gets its first segment', () => {
  const d = judged('d', [[1, '', box(g, [2, 2, 2], [2, 2, 2]), SCT.Lung], [2, 'Lesion', box(g, [10, 10, 2], [2, 2, 2]), SCT.Nodule], [3, 'Lesion', box(g, [15, 15, 6], [2, 2, 2]), SCT.Lesion]]);
  expect(judgeSegmentations([d]).structures.map((s) => s.label)).toEqual(['Lung', 'Lesion', 'Lesion (A3)']);
});

test('the same SEG twice is refused', () => {
  expect(() => judgeSegmentations([a, a])).toThrow(`annotations[1]: the SEG ${uid('seg a')} is annotation A already`);
});
