// What only the whole report can check, and the written dataset's header: the SR Document General
// flags on sign-off, Predecessor Documents for a revision, the evidence of everything referenced.
import { DicomValueError } from '../dicom/DicomValueError';
import { SOP_CLASS } from '../dicom/sopClasses';
import { buildQcReport } from './buildQcReport';
import { QcReport, type QcReportInit } from './QcReport';
import { syntheticReportInit, uid } from './syntheticReport.fixture';

function message(init: QcReportInit): string {
  try {
    new QcReport(init);
  } catch (thrown) {
    if (thrown instanceof DicomValueError) return thrown.message;
    throw thrown;
  }
  return 'no error';
}

const base = syntheticReportInit();
const [rightLung, nodule] = base.structures;

test('one SEG per annotation letter, one letter per SEG, each segment once, unique labels', () => {
  const otherSeg = { ...nodule.annotations[0], segment: { ...nodule.annotations[0].segment, sopInstanceUid: uid('another seg') } };
  expect(message({ ...base, structures: [rightLung, { ...nodule, annotations: [otherSeg, nodule.annotations[1]] }] })).toMatch(/^structures\[1\].annotations\[0\].segment.sopInstanceUid: annotation A is the SEG .* in an earlier structure/);
  const sameSegment = { ...nodule.annotations[0], segment: rightLung.annotations[0].segment };
  expect(message({ ...base, structures: [rightLung, { ...nodule, annotations: [sameSegment] , agreements: [] }] })).toMatch(/^structures\[1\].annotations\[0\].segment.segmentNumber: segment 1 of .* is judged in an earlier structure too/);
  expect(message({ ...base, structures: [rightLung, { ...nodule, label: 'Right lung' }] })).toBe('structures[1].label: "Right lung" is the label of an earlier structure; each structure is reported once');
  const swapped = { ...nodule.annotations[1], annotation: 'A' };
  expect(message({ ...base, structures: [rightLung, { ...nodule, annotations: [swapped], agreements: [], decision: undefined }] })).toMatch(/annotation A is the SEG .* not /);
});

test('agreements refer to the structure\'s annotations; a decision accepts one of them', () => {
  expect(message({ ...base, structures: [{ ...rightLung, agreements: [{ ...rightLung.agreements![0], between: ['A', 'C'] }] }] })).toBe('structures[0].agreements[0].between: annotation C has no segment in the structure "Right lung"');
  expect(message({ ...base, structures: [{ ...rightLung, decision: { outcome: 'accepted', acceptedAnnotation: 'D' } }] })).toMatch(/annotation D is accepted but has no segment/);
  expect(message({ ...base, structures: [{ ...rightLung, agreements: [rightLung.agreements![0], { ...rightLung.agreements![0], between: ['B', 'A'] }] }] })).toBe('structures[0].agreements: annotations A and B are compared twice in the structure "Right lung"');
  expect(new QcReport({ ...base, structures: [{ ...rightLung, agreements: [{ ...rightLung.agreements![0], between: ['B', 'A'] }] }] }).structures[0].agreements[0].between).toEqual(['A', 'B']);
});

test('checklist results need their SOP; a report cannot revise itself; required parts are required', () => {
  expect(message({ ...base, checklist: [{ itemId: 'x', checked: true }] })).toBe('checklist: checklist results need the SOP they belong to (sop)');
  expect(message({ ...base, predecessors: [{ studyInstanceUid: uid('study'), seriesInstanceUid: base.seriesInstanceUid, sopClassUid: SOP_CLASS.Comprehensive3dSrStorage, sopInstanceUid: base.sopInstanceUid }] })).toMatch(/a report cannot revise itself$/);
  expect(message({ ...base, structures: [] })).toBe('ContentSequence{Imaging Measurements}: a QC report judges at least one structure');
  expect(message({ ...base, contentDate: '2026-03-02' })).toBe('ContentDate: "2026-03-02" is not a DICOM date YYYYMMDD (DA)');
  expect(message({ ...base, instanceNumber: 0 })).toBe('InstanceNumber: 0 is not an integer in [1, 2147483647]');
});

test('unsigned: PARTIAL, UNVERIFIED, PRELIMINARY; signed off: COMPLETE, VERIFIED, FINAL with the Verifying Observer', () => {
  expect(buildQcReport(base)).toMatchObject({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.88.34', Modality: 'SR', CompletionFlag: 'PARTIAL', VerificationFlag: 'UNVERIFIED', PreliminaryFlag: 'PRELIMINARY' });
  const signed = buildQcReport({ ...base, verification: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'Demo Hospital', dateTime: '20260302113000' } });
  expect(signed).toMatchObject({ CompletionFlag: 'COMPLETE', VerificationFlag: 'VERIFIED', PreliminaryFlag: 'FINAL' });
  expect(signed['VerifyingObserverSequence']).toEqual([{
    VerifyingObserverName: 'Lindqvist^Maria',
    VerifyingObserverIdentificationCodeSequence: [{ CodeValue: 'mlindqvist', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Maria Lindqvist' }],
    VerifyingOrganization: 'Demo Hospital',
    VerificationDateTime: '20260302113000',
  }]);
});

test('a revision lists its predecessor by study, series and instance; the evidence lists every SEG and image referenced', () => {
  const predecessor = { studyInstanceUid: uid('study'), seriesInstanceUid: base.seriesInstanceUid, sopClassUid: SOP_CLASS.Comprehensive3dSrStorage, sopInstanceUid: uid('earlier report') };
  const dataset = buildQcReport({ ...base, instanceNumber: 2, predecessors: [predecessor] });
  expect(dataset['PredecessorDocumentsSequence']).toEqual([{
    StudyInstanceUID: predecessor.studyInstanceUid,
    ReferencedSeriesSequence: [{ SeriesInstanceUID: predecessor.seriesInstanceUid, ReferencedSOPSequence: [{ ReferencedSOPClassUID: predecessor.sopClassUid, ReferencedSOPInstanceUID: predecessor.sopInstanceUid }] }],
  }]);
  const evidence = dataset['CurrentRequestedProcedureEvidenceSequence'] as Array<{ StudyInstanceUID: string; ReferencedSeriesSequence: Array<{ SeriesInstanceUID: string; ReferencedSOPSequence: unknown[] }> }>;
  expect(evidence.map((study) => study.StudyInstanceUID)).toEqual([uid('study')]);
  expect(evidence[0].ReferencedSeriesSequence.map((series) => [series.SeriesInstanceUID, series.ReferencedSOPSequence.length])).toEqual([
    [uid('seg series A'), 1], [uid('seg series B'), 1], [uid('ct series'), 3],
  ]);
  expect(dataset['CodingSchemeIdentificationSequence']).toEqual([expect.objectContaining({ CodingSchemeDesignator: '99SEGQC' })]);
});

test('the content tree is TID 1500: language, observer, procedure, Image Library, one TID 1411 group per annotation, how the observer is known', () => {
  const tree = buildQcReport(base)['ContentSequence'] as Array<Record<string, unknown>>;
  const names = tree.map((item) => (item['ConceptNameCodeSequence'] as Array<{ CodeMeaning: string }>)[0].CodeMeaning);
  expect(names).toEqual([
    'Language of Content Item and Descendants', 'Observer Type', 'Person Observer Name', "Person Observer's Login Name", "Person Observer's Organization Name",
    "Person Observer's Role in this Procedure", 'Procedure reported', 'Image Library', 'Imaging Measurements', 'Qualitative Evaluations',
  ]);
  const groups = tree[8]['ContentSequence'] as Array<Record<string, unknown>>;
  expect(groups.map((group) => ((group['ContentSequence'] as Array<Record<string, unknown>>)[0]['TextValue']))).toEqual(['Right lung (A)', 'Right lung (B)', 'Lung nodule (A)', 'Lung nodule (B)']);
  expect(groups.every((group) => (group['ContentTemplateSequence'] as Array<{ TemplateIdentifier: string }>)[0].TemplateIdentifier === '1411')).toBe(true);
});
