// Why (issue 13): a SEG as OHIF's own export leaves it names no creator and codes its segments
// "Tissue" with a typed label; a reviewer says who made it and which structure "Segment 1" is. The
// choices must change the comparison exactly as if the SEG had said so itself, be recorded in the
// review's report, and read back from the case's reports (a later report without them — an
// adjudication — leaving them standing).
import { demoCt02, SIGNED_AT } from '../adjudication/adjudication.fixture';
import { DicomValueError } from '../dicom/DicomValueError';
import type { JudgedSegmentation } from '../sr/judgeSegmentations';
import { QcAnnotation } from '../sr/QcAnnotation';
import { readQcReport } from '../sr/readQcReport';
import { judgedInfoWithChoices, mappedStructureOf, NO_REVIEWER_CHOICES, reviewerChoicesOfReports, segmentKey, withMappedStructures, type ReviewerChoices } from './reviewerChoices';
import { reviewCase } from './reviewCase';
import { writeReviewReport } from './writeReviewReport';

const TISSUE = { value: '85756007', scheme: 'SCT', meaning: 'Tissue' };
const reviewer = { name: 'Novak^Petra', login: 'pnovak' };

/** Okafor's SEG (C) as OHIF would have written it: no creator, the right lung "Segment 1" coded Tissue. */
function asOhifExport(annotation: JudgedSegmentation): { judged: JudgedSegmentation; rightLung: number } {
  const { annotatorName: _name, annotatorLogin: _login, ...info } = annotation.info;
  const rightLung = annotation.segmentation.segments.find((segment) => segment.label === 'Right lung')!.number;
  const segments = annotation.segmentation.segments.map((segment) => {
    if (segment.number !== rightLung) return segment;
    const { typeModifier: _modifier, ...rest } = segment;
    return { ...rest, label: 'Segment 1', category: TISSUE, type: TISSUE };
  });
  return { judged: { info, segmentation: { ...annotation.segmentation, segments } }, rightLung };
}

const rows = (review: ReturnType<typeof reviewCase>, structure: string) =>
  review.rows.filter((row) => row.structure.label === structure && (row.a === 'C' || row.b === 'C')).map((row) => [row.a, row.b, row.dice]);

test("a reviewer's attribution and mapping compare the SEG as if it said so, are recorded in the report and read back from it", () => {
  const demo = demoCt02();
  const { judged: ohif, rightLung } = asOhifExport(demo.annotations[2]!);
  const uid = ohif.info.sopInstanceUid;
  const asWritten = reviewCase(demo.annotations.map((annotation, n) => ({ id: 'ABC'[n]!, segmentation: annotation.segmentation })), demo.sop);

  // Unmapped, "Segment 1" is no structure of the SOP: C has no right lung.
  const unmapped = reviewCase([...demo.annotations.slice(0, 2), ohif].map((annotation, n) => ({ id: 'ABC'[n]!, segmentation: annotation.segmentation })), demo.sop);
  // Issue 14: C's missing right lung is compared as an empty mask, Dice 0 (was null).
  expect(rows(unmapped, 'Right lung').map(([, , dice]) => dice)).toEqual([0, 0]);

  const choices: ReviewerChoices = {
    attributions: { [uid]: { name: 'Okafor^Chidi', login: 'cokafor' } },
    structures: { [segmentKey(uid, rightLung)]: mappedStructureOf(demo.sop.structures.find((structure) => structure.label === 'Right lung')!) },
  };
  const mapped = withMappedStructures(ohif.segmentation, uid, choices);
  const annotations = [...demo.annotations.slice(0, 2), { info: judgedInfoWithChoices(ohif.info, mapped, choices), segmentation: mapped }];
  const review = reviewCase(annotations.map((annotation, n) => ({ id: 'ABC'[n]!, segmentation: annotation.segmentation })), demo.sop);
  expect(rows(review, 'Right lung')).toEqual(rows(asWritten, 'Right lung'));
  expect(rows(review, 'Right lung').every(([, , dice]) => typeof dice === 'number' && dice > 0.9)).toBe(true);

  const report = writeReviewReport({ annotations, review, sourceImages: demo.sourceImages, sop: demo.sop, reviewer, now: SIGNED_AT });
  const read = readQcReport(report.report).qc!;
  const groupsOfC = read.structures.flatMap((structure) => structure.annotations.filter((a) => a.annotation === 'C').map((a) => [structure.label, a.annotatorName, a.setByReviewer]));
  expect(groupsOfC).toEqual(expect.arrayContaining([
    ['Right lung', 'Okafor^Chidi', ['annotator', 'structure']],
    ['Left lung', 'Okafor^Chidi', ['annotator']],
  ]));
  expect(read.structures.flatMap((structure) => structure.annotations.filter((a) => a.annotation !== 'C' && a.setByReviewer !== undefined))).toEqual([]);

  const recorded = reviewerChoicesOfReports([read]);
  expect(recorded).toEqual(choices);
  // An adjudication written after it without the choices leaves them standing.
  const plain = readQcReport(writeReviewReport({ annotations: demo.annotations, review: asWritten, sourceImages: demo.sourceImages, sop: demo.sop, reviewer, now: SIGNED_AT, predecessor: report.report }).report).qc!;
  expect(reviewerChoicesOfReports([read, plain])).toEqual(choices);
  expect(reviewerChoicesOfReports([])).toEqual(NO_REVIEWER_CHOICES);
});

test("a SEG's own creator is never replaced by a reviewer's attribution", () => {
  const { info } = demoCt02().annotations[0]!;
  const choices: ReviewerChoices = { attributions: { [info.sopInstanceUid]: { name: 'Someone^Else' } }, structures: {} };
  expect(judgedInfoWithChoices(info, demoCt02().annotations[0]!.segmentation, choices)).toEqual(info);
});

test('an attribution without the person, or a choice SegQC does not know, is refused with the content item it would be', () => {
  const { info } = demoCt02().annotations[2]!;
  const base = {
    annotation: 'C' as const, segment: { sopClassUid: info.sopClassUid, sopInstanceUid: info.sopInstanceUid, seriesInstanceUid: info.seriesInstanceUid, segmentNumber: 1 },
    sourceSeriesInstanceUid: info.sourceSeriesInstanceUid, pixelDataSha256: info.pixelDataSha256, volumeMl: 1,
  };
  expect(() => new QcAnnotation({ ...base, setByReviewer: ['annotator'] })).toThrow(DicomValueError);
  expect(() => new QcAnnotation({ ...base, setByReviewer: ['annotator'] })).toThrow(/Set by the reviewer.*needs the annotator's name/);
  expect(() => new QcAnnotation({ ...base, annotatorName: 'Okafor^Chidi', setByReviewer: ['colour' as never] })).toThrow(/"colour" is not something a reviewer sets/);
  expect(new QcAnnotation({ ...base, annotatorName: 'Okafor^Chidi', setByReviewer: ['structure', 'annotator'] }).setByReviewer).toEqual(['annotator', 'structure']);
});
