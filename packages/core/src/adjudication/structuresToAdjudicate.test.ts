// The structures an adjudication decides on must be exactly those the QC report will list: the
// unmeasured stand-in judgement is compared with judgeSegmentations on the real masks, on the demo
// case and on a case where one annotator lacks a structure and another has one of its own.
import { SCT } from '../codes/sct';
import { box, grid } from '../metrics/metrics.fixture';
import { judgeSegmentations, type JudgedSegmentation } from '../sr/judgeSegmentations';
import { sha, uid } from '../sr/syntheticReport.fixture';
import type { SegmentVolume } from '../volume/Segmentation';
import { demoCt02 } from './adjudication.fixture';
import { structuresToAdjudicate } from './structuresToAdjudicate';

jest.setTimeout(60_000);

const measured = (judged: readonly JudgedSegmentation[]) => judgeSegmentations(judged).structures.map((s) => ({
  label: s.label,
  ...(s.category ? { category: s.category } : {}),
  ...(s.type ? { type: s.type } : {}),
  ...(s.typeModifier ? { typeModifier: s.typeModifier } : {}),
  segments: s.annotations.map((a) => ({ annotation: a.annotation, segmentNumber: a.segment.segmentNumber })),
}));

test('the demo case: the report\'s three structures, each drawn by A, B and C', () => {
  const { annotations } = demoCt02();
  const structures = structuresToAdjudicate(annotations);
  expect(structures).toEqual(measured(annotations));
  expect(structures.map((s) => s.label)).toEqual(['Right lung', 'Left lung', 'Lung nodule']);
});

test('a structure one annotator lacks, and two segments of one annotator that no match can tell apart', () => {
  const g = grid(20, 20, 8);
  const info = (name: string): JudgedSegmentation['info'] => ({
    sopClassUid: '1.2.840.10008.5.1.4.1.1.66.4', sopInstanceUid: uid(`seg ${name}`), seriesInstanceUid: uid(`series ${name}`), studyInstanceUid: uid('study'),
    sourceSeriesInstanceUid: uid('ct'), pixelDataSha256: sha(name), subject: { PatientName: 'P', PatientID: '1', StudyInstanceUID: uid('study') },
  });
  const lesion = (number: number, at: [number, number, number]): SegmentVolume => ({ number, label: 'Lesion', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Lesion, mask: box(g, at, [2, 2, 2]) });
  const lung = (number: number): SegmentVolume => ({ number, label: 'Right lung', category: SCT.AnatomicalStructure, type: SCT.Lung, typeModifier: SCT.Right, mask: box(g, [1, 1, 1], [5, 5, 5]) });
  const judged = [
    { info: info('a'), segmentation: { grid: g, segments: [lung(1), lesion(2, [10, 10, 2])], source: {} } },
    { info: info('b'), segmentation: { grid: g, segments: [lung(4)], source: {} } },
    { info: info('c'), segmentation: { grid: g, segments: [lesion(1, [10, 10, 2]), lesion(2, [15, 15, 5]), lung(3)], source: {} } },
  ];
  const structures = structuresToAdjudicate(judged);
  expect(structures).toEqual(measured(judged));
  // C's two "Lesion"s are the same to matchSegments, so neither is paired with A's: never guessed.
  expect(structures.map((s) => [s.label, s.segments.map((x) => `${x.annotation}${x.segmentNumber}`).join(' ')])).toEqual([
    ['Right lung', 'A1 B4 C3'],
    ['Lesion', 'A2'],
    ['Lesion (C1)', 'C1'],
    ['Lesion (C2)', 'C2'],
  ]);
});
