// An adjudicated (or gold) SEG is judged in the QC report as one more annotation, so its agreement
// with every annotator is measured; the report must say which annotation it is. This is the
// report's mark for that, written and read back, and where the judged SEG's role and colours come
// from. (How the observer's identity is known: observerIdentity.test.ts.)
import { generateDemoFiles } from '@segqc/demo-data';
import { SCT } from '../codes/sct';
import { DicomValueError } from '../dicom/DicomValueError';
import { readPart10 } from '../dicom/readPart10';
import { dicomLabToSrgb } from '../seg/cielab';
import { box, grid } from '../metrics/metrics.fixture';
import type { Segmentation } from '../volume/Segmentation';
import { buildQcReport, writeQcReport } from './buildQcReport';
import { describeJudgedSeg, type JudgedSegInfo } from './describeJudgedSeg';
import { judgeSegmentations } from './judgeSegmentations';
import { QcAnnotation } from './QcAnnotation';
import { QcReport, type QcReportInit } from './QcReport';
import { readQcReport } from './readQcReport';
import { sha, syntheticReportInit, uid } from './syntheticReport.fixture';

/** The synthetic report with a third annotation C of the right lung: the adjudicated reference. */
function withReference(): QcReportInit {
  const init = syntheticReportInit();
  const [right, nodule] = init.structures;
  const reference = {
    ...right.annotations[1],
    annotation: 'C',
    annotatorName: 'Singh^Priya',
    annotatorLogin: 'psingh',
    segment: { ...right.annotations[1].segment, sopInstanceUid: uid('seg C'), seriesInstanceUid: uid('reference series'), segmentNumber: 1 },
    pixelDataSha256: sha('pixels C'),
    referenceStandard: 'ADJUDICATED' as const,
  };
  return {
    ...init,
    observer: { name: 'Singh^Priya', login: 'psingh', organization: 'Demo Hospital', role: 'adjudicator' },
    structures: [{ ...right, annotations: [...right.annotations, reference], decision: { outcome: 'accepted', acceptedAnnotation: 'A' } }, nodule],
  };
}

test('a reference-standard annotation reads back as written', () => {
  const init = withReference();
  const read = readQcReport(writeQcReport(init));
  expect(read.qc).toEqual(new QcReport(init).toInit());
  expect(read.qc!.structures[0].annotations.map((a) => [a.annotation, a.referenceStandard])).toEqual([['A', undefined], ['B', undefined], ['C', 'ADJUDICATED']]);
});

test('the mark is a coded item in the reference group; Qualitative Evaluations say the observer is self-declared', () => {
  const { document } = readQcReport(writeQcReport(withReference()));
  const referenceGroup = document.groups.find((group) => group.evaluations.some((item) => item.name.value === 'REFERENCE'))!;
  expect(referenceGroup.evaluations.find((item) => item.name.value === 'REFERENCE')!.value).toEqual({ value: 'ADJUDICATED', scheme: '99SEGQC', meaning: 'Adjudicated reference standard' });
  expect(referenceGroup.evaluations.find((item) => item.name.value === 'ANNOTATION')!.value.value).toBe('ANNOTATION-C');
  expect(document.groups.filter((group) => group.evaluations.some((item) => item.name.value === 'REFERENCE'))).toHaveLength(1);
  expect(document.evaluations.map((item) => [item.name.value, item.value.value])).toEqual([['OBSERVER-ID', 'SELF-DECLARED']]);
});

test('plain annotations carry no Reference standard mark', () => {
  expect(JSON.stringify(buildQcReport(syntheticReportInit()))).not.toMatch(/"REFERENCE"/);
});

test('an unknown reference standard is refused, naming the item', () => {
  const annotation = syntheticReportInit().structures[0].annotations[0];
  expect(() => new QcAnnotation({ ...annotation, referenceStandard: 'ANNOTATION' as never }, 'group')).toThrow(DicomValueError);
  expect(() => new QcAnnotation({ ...annotation, referenceStandard: 'ANNOTATION' as never }, 'group')).toThrow(/^group\.ContentSequence\{Reference standard\}.*"ANNOTATION" is not a reference standard \(ADJUDICATED, GOLD\)/);
});

test('judgeSegmentations marks a SEG labelled ADJUDICATED or GOLD, and only those', () => {
  const g = grid(10, 10, 4, [1, 1, 1]);
  const segmentation: Segmentation = { grid: g, segments: [{ number: 1, label: 'Lesion', category: SCT.MorphologicallyAbnormalStructure, type: SCT.Lesion, mask: box(g, [2, 2, 1], [3, 3, 2]) }], source: {} };
  const info = (name: string, contentLabel?: string): JudgedSegInfo => ({
    sopClassUid: '1.2.840.10008.5.1.4.1.1.66.4', sopInstanceUid: uid(`seg ${name}`), seriesInstanceUid: uid(`series ${name}`), studyInstanceUid: uid('study'),
    sourceSeriesInstanceUid: uid('ct'), pixelDataSha256: sha(name), subject: { PatientName: 'P', PatientID: '1', StudyInstanceUID: uid('study') },
    ...(contentLabel !== undefined ? { contentLabel } : {}),
  });
  const judged = [info('a', 'ANNOTATION'), info('b'), info('gold', 'GOLD'), info('reference', 'ADJUDICATED')].map((i) => ({ info: i, segmentation }));
  const [structure] = judgeSegmentations(judged).structures;
  expect(structure.annotations.map((a) => [a.annotation, a.referenceStandard])).toEqual([['A', undefined], ['B', undefined], ['C', 'GOLD'], ['D', 'ADJUDICATED']]);
});

test('describeJudgedSeg gives the SEG\'s ContentLabel and each segment\'s colour (demo ct-cal: annotators and the gold SEG)', () => {
  const files = [...generateDemoFiles({ cases: ['ct-cal'] })].filter((file) => file.path.includes('/seg/'));
  const labels = files.map((file) => describeJudgedSeg(file.bytes).contentLabel);
  expect(new Set(labels)).toEqual(new Set(['ANNOTATION', 'GOLD']));
  const { dataset } = readPart10(files[0].bytes);
  const expected = Object.fromEntries((dataset['SegmentSequence'] as Array<Record<string, unknown>>).map((item) => [item['SegmentNumber'], dicomLabToSrgb(item['RecommendedDisplayCIELabValue'] as [number, number, number])]));
  expect(describeJudgedSeg(files[0].bytes).segmentColors).toEqual(expected);
  expect(Object.keys(expected)).toEqual(['1', '2', '3']);
});
