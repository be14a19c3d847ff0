// Signing writes the reference standard and the verified report; both are read back with our own
// readers and must hold exactly what was decided: the reference SEG voxel for voxel the accepted
// annotation, the majority vote, STAPLE's estimate or the edited mask; the report the decisions,
// reasons, SOP hash, the adjudicator (self-declared) and the reference judged as one more
// annotation — and a second adjudication, by a signed-in adjudicator, revises the first: both
// objects record her issuer and subject.
import { majorityVote } from '../consensus/majorityVote';
import { staple } from '../consensus/staple';
import { readPart10 } from '../dicom/readPart10';
import { segCreatorIdentity } from '../identity/segCreatorIdentity';
import { dicomLabToSrgb } from '../seg/cielab';
import { readSegmentation } from '../seg/read/readSegmentation';
import { qcReportSeriesUid } from '../sr/buildQcReport';
import { readQcReport, type QcReportRead } from '../sr/readQcReport';
import { BitMask } from '../volume/BitMask';
import type { Segmentation } from '../volume/Segmentation';
import { demoAdjudication, demoCt02 } from './adjudication.fixture';
import { qcDecisionOf } from './qcDecisionOf';
import { REFERENCE_SEG_SERIES_NUMBER, referenceSegSeriesUid, writeAdjudication, type WrittenAdjudication } from './writeAdjudication';

jest.setTimeout(120_000);

const maskOf = (segmentation: Segmentation, number: number): BitMask => segmentation.segments.find((s) => s.number === number)!.mask;
const sameVoxels = (a: BitMask, b: BitMask): boolean => a.words.length === b.words.length && a.words.every((word, w) => word === b.words[w]);

let written: WrittenAdjudication;
let reference: Segmentation;
let read: QcReportRead;

beforeAll(() => {
  // Right lung: Chen's accepted (escalated); left lung: majority, agreed; nodule: STAPLE, escalated.
  const init = demoAdjudication();
  written = writeAdjudication({ ...init, decisions: [{ structureLabel: 'Right lung', method: { kind: 'accept', annotation: 'B' }, reasons: [{ reason: 'overSegmentation' }], escalated: true }, { ...init.decisions[1], escalated: false, reasons: [] }, init.decisions[2]] });
  reference = readSegmentation(written.referenceSeg, demoCt02().sourceImages);
  read = readQcReport(written.report);
});

describe('the reference SEG', () => {
  it('is, voxel for voxel, the accepted annotation, the majority vote and STAPLE\'s estimate', () => {
    const { annotations } = demoCt02();
    const masks = (n: number) => annotations.map((a) => maskOf(a.segmentation, n));
    expect(sameVoxels(maskOf(reference, 1), maskOf(annotations[1].segmentation, 1))).toBe(true);
    expect(sameVoxels(maskOf(reference, 2), majorityVote(masks(2), { tie: 'foreground' }).consensus)).toBe(true);
    expect(sameVoxels(maskOf(reference, 3), staple(masks(3)).consensus)).toBe(true);
    // Not trivially so: the annotators differ, and STAPLE is not any one of them.
    expect(sameVoxels(maskOf(reference, 1), maskOf(annotations[0].segmentation, 1))).toBe(false);
    expect(masks(3).some((mask) => sameVoxels(mask, maskOf(reference, 3)))).toBe(false);
  });

  it('is ADJUDICATED, created by the adjudicator under the SOP, and says how each segment was made', () => {
    const { dataset } = readPart10(written.referenceSeg);
    const { segFiles, sop, annotations } = demoCt02();
    expect(dataset).toMatchObject({
      SOPInstanceUID: written.referenceSegSopInstanceUid,
      ContentLabel: 'ADJUDICATED',
      ContentDescription: 'SegQC adjudicated reference standard; creator self-declared',
      ContentCreatorName: [{ Alphabetic: 'Singh^Priya' }],
      ContentCreatorIdentificationCodeSequence: [{ PersonIdentificationCodeSequence: [{ CodeValue: 'psingh', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Priya Singh' }], InstitutionName: 'SegQC Demo Hospital' }],
      ProtocolName: sop.reference.toProtocolName(),
      ContentDate: '20260302',
      ContentTime: '101500',
      SeriesInstanceUID: referenceSegSeriesUid(annotations[0].info.studyInstanceUid),
      SeriesNumber: REFERENCE_SEG_SERIES_NUMBER,
      InstanceNumber: 1,
    });
    const segments = dataset['SegmentSequence'] as Array<Record<string, unknown>>;
    const annotated = readPart10(segFiles[0]).dataset['SegmentSequence'] as Array<Record<string, unknown>>;
    expect(segments.map((s) => [s['SegmentLabel'], s['SegmentAlgorithmType'], s['SegmentAlgorithmName']])).toEqual([
      ['Right lung', 'MANUAL', undefined],
      ['Left lung', 'SEMIAUTOMATIC', 'Majority vote'],
      ['Lung nodule', 'SEMIAUTOMATIC', 'STAPLE'],
    ]);
    segments.forEach((segment, n) => {
      expect(segment['SegmentedPropertyTypeCodeSequence']).toEqual(annotated[n]['SegmentedPropertyTypeCodeSequence']);
      expect(segment['SegmentedPropertyCategoryCodeSequence']).toEqual(annotated[n]['SegmentedPropertyCategoryCodeSequence']);
      expect(dicomLabToSrgb(segment['RecommendedDisplayCIELabValue'] as [number, number, number])).toEqual(dicomLabToSrgb(annotated[n]['RecommendedDisplayCIELabValue'] as [number, number, number]));
    });
    expect(segments[0]['SegmentDescription']).toBe(`Annotation B (wchen) accepted as the reference standard: SEG ${annotations[1].info.sopInstanceUid}, segment 1`);
    expect(segments[2]['SegmentDescription']).toBe('STAPLE consensus of annotations A, B, C: foreground where the posterior is at least 0.5');
  });
});

describe('the QC report', () => {
  it('is signed by the adjudicator: role Adjudicator, self-declared, VERIFIED, under the SOP with its full hash and checklist', () => {
    const qc = read.qc!;
    const { sop, annotations } = demoCt02();
    expect(qc.sopInstanceUid).toBe(written.reportSopInstanceUid);
    expect(qc.observer).toEqual({ name: 'Singh^Priya', login: 'psingh', organization: 'SegQC Demo Hospital', role: 'adjudicator' });
    expect(read.document.evaluations.find((item) => item.name.value === 'OBSERVER-ID')!.value.value).toBe('SELF-DECLARED');
    expect(qc.verification).toEqual({ name: 'Singh^Priya', login: 'psingh', organization: 'SegQC Demo Hospital', dateTime: '20260302101500' });
    expect(readPart10(written.report).dataset).toMatchObject({ VerificationFlag: 'VERIFIED', CompletionFlag: 'COMPLETE', PreliminaryFlag: 'FINAL' });
    expect(qc.sop).toEqual({ id: 'ct-lung-nodule', version: sop.version, sha256: sop.reference.sha256 });
    expect(qc.checklist).toEqual([{ itemId: 'reference-justified', checked: true }]);
    expect(qc.seriesInstanceUid).toBe(qcReportSeriesUid(annotations[0].info.studyInstanceUid));
    expect([qc.instanceNumber, qc.predecessors]).toEqual([1, undefined]);
  });

  it('records each structure\'s decision and reasons: accepted B, agreed, STAPLE', () => {
    expect(read.qc!.structures.map((s) => [s.label, s.decision])).toEqual([
      ['Right lung', { outcome: 'accepted', acceptedAnnotation: 'B', reasons: [{ reason: 'overSegmentation' }] }],
      ['Left lung', { outcome: 'agreed' }],
      ['Lung nodule', { outcome: 'staple', reasons: [{ reason: 'missedLesion' }, { reason: 'other', text: 'B left out the 4 mm nodule' }] }],
    ]);
  });

  it('judges the reference SEG as annotation D, marked Adjudicated, with its agreement to every annotator', () => {
    for (const [s, structure] of read.qc!.structures.entries()) {
      const d = structure.annotations[3];
      expect(structure.annotations.map((a) => [a.annotation, a.referenceStandard])).toEqual([['A', undefined], ['B', undefined], ['C', undefined], ['D', 'ADJUDICATED']]);
      expect(d).toMatchObject({ annotatorName: 'Singh^Priya', annotatorLogin: 'psingh', segment: { sopInstanceUid: written.referenceSegSopInstanceUid, segmentNumber: s + 1 } });
      expect(structure.agreements!.filter((x) => x.between.includes('D')).map((x) => x.between.join(''))).toEqual(['AD', 'BD', 'CD']);
    }
    // Chen's right lung was accepted: B and D agree perfectly, A and D as A and B do.
    const right = read.qc!.structures[0].agreements!;
    const pair = (a: string, b: string) => right.find((x) => x.between[0] === a && x.between[1] === b)!;
    expect(pair('B', 'D')).toMatchObject({ dice: 1, jaccard: 1, hdMm: 0, hd95Mm: 0, assdMm: 0 });
    expect(pair('A', 'D')).toEqual({ ...pair('A', 'B'), between: ['A', 'D'] });
    // The volume of D is the reference mask's.
    expect(read.qc!.structures[2].annotations[3].volumeMl).toBeCloseTo(maskOf(reference, 3).count() * (reference.grid.spacing[0] * reference.grid.spacing[1] * reference.grid.spacing[2]) / 1000, 9);
  });
});

describe('a second adjudication', () => {
  it('revises the first: Predecessor Documents, the same series, the next instance, her sign-in in both objects; the first stays as it is', () => {
    const edited = new BitMask(reference.grid, maskOf(reference, 3).words.slice());
    edited.set(0); // one voxel more than the first reference's nodule
    const signIn = { issuer: 'https://login.segqc-demo.example/realms/radiology', subject: 'aokonkwo@radiology' };
    const init = demoAdjudication({ predecessor: written.report, adjudicator: { name: 'Okonkwo^Ada', login: 'aokonkwo', organization: 'SegQC Demo Hospital', authentication: signIn } });
    const second = writeAdjudication({ ...init, decisions: [init.decisions[0], init.decisions[1], { ...init.decisions[2], method: { kind: 'edited', mask: edited } }] });
    const qc = readQcReport(second.report).qc!;
    expect(qc.predecessors).toEqual([{ studyInstanceUid: demoCt02().annotations[0].info.studyInstanceUid, seriesInstanceUid: read.qc!.seriesInstanceUid, sopClassUid: '1.2.840.10008.5.1.4.1.1.88.34', sopInstanceUid: written.reportSopInstanceUid }]);
    expect([qc.seriesInstanceUid, qc.seriesNumber, qc.instanceNumber]).toEqual([read.qc!.seriesInstanceUid, read.qc!.seriesNumber, 2]);
    expect(second.reportSopInstanceUid).not.toBe(written.reportSopInstanceUid);
    expect(second.referenceSegSopInstanceUid).not.toBe(written.referenceSegSopInstanceUid);
    expect(qc.observer).toEqual({ name: 'Okonkwo^Ada', login: 'aokonkwo', organization: 'SegQC Demo Hospital', role: 'adjudicator', authentication: signIn });
    expect(qc.verification).toMatchObject({ name: 'Okonkwo^Ada', login: 'aokonkwo', authentication: signIn });
    expect(qc.structures[2].decision).toEqual({ outcome: 'edited', reasons: [{ reason: 'missedLesion' }, { reason: 'other', text: 'B left out the 4 mm nodule' }] });
    const { dataset } = readPart10(second.referenceSeg);
    expect(dataset).toMatchObject({ SeriesInstanceUID: referenceSegSeriesUid(qc.subject.StudyInstanceUID), InstanceNumber: 2, ContentDescription: 'SegQC adjudicated reference standard; creator authenticated' });
    expect(segCreatorIdentity(dataset)).toEqual({ name: 'Okonkwo^Ada', login: 'aokonkwo', contentLabel: 'ADJUDICATED', authentication: signIn });
    expect((dataset['SegmentSequence'] as Array<Record<string, unknown>>)[2]).toMatchObject({ SegmentAlgorithmType: 'MANUAL', SegmentDescription: 'Edited by the adjudicator' });
    expect(sameVoxels(maskOf(readSegmentation(second.referenceSeg, demoCt02().sourceImages), 3), edited)).toBe(true);
  });
});

test('given SOP Instance UIDs name the two objects, and the same adjudication then writes the same bytes', () => {
  // A generator that must write identical files on every run (the demo cohort) gives the UIDs.
  const uids = { referenceSeg: '2.25.1001', report: '2.25.1002' };
  const first = writeAdjudication(demoAdjudication({ uids }));
  const again = writeAdjudication(demoAdjudication({ uids }));
  expect([first.referenceSegSopInstanceUid, first.reportSopInstanceUid]).toEqual(['2.25.1001', '2.25.1002']);
  expect(readPart10(first.referenceSeg).dataset['SOPInstanceUID']).toBe('2.25.1001');
  const qc = readQcReport(first.report).qc!;
  expect(qc.sopInstanceUid).toBe('2.25.1002');
  // The report judges the reference SEG by the given UID.
  expect(qc.structures[0].annotations[3].segment.sopInstanceUid).toBe('2.25.1001');
  expect(Buffer.from(again.referenceSeg).equals(Buffer.from(first.referenceSeg))).toBe(true);
  expect(Buffer.from(again.report).equals(Buffer.from(first.report))).toBe(true);
  // Without them, every signature is a new pair of objects.
  expect(written.referenceSegSopInstanceUid).not.toBe(uids.referenceSeg);
  expect(written.reportSopInstanceUid).not.toMatch(/^2\.25\.100[12]$/);
});

test('segments no match can tell apart still get their own reference: two "Lung nodule"s of C', () => {
  const { annotations } = demoCt02();
  const okafor = annotations[2].segmentation;
  const chenNodule = maskOf(annotations[1].segmentation, 3);
  const twoNodules = { ...annotations[2], segmentation: { ...okafor, segments: [...okafor.segments, { ...okafor.segments[2], number: 4, mask: chenNodule }] } };
  const init = demoAdjudication({ annotations: [annotations[0], annotations[1], twoNodules] });
  const escalated = (structureLabel: string, method: Parameters<typeof qcDecisionOf>[0]['method']) => ({ structureLabel, method, reasons: [{ reason: 'wrongLabel' as const }], escalated: true });
  const result = writeAdjudication({
    ...init,
    decisions: [init.decisions[0], init.decisions[1], escalated('Lung nodule', { kind: 'staple' }), escalated('Lung nodule (C3)', { kind: 'accept', annotation: 'C' }), escalated('Lung nodule (C4)', { kind: 'majority' })],
  });
  const qc = readQcReport(result.report).qc!;
  expect(qc.structures.map((s) => [s.label, s.type?.meaning, s.annotations.map((a) => `${a.annotation}${a.segment.segmentNumber}`).join(' '), s.decision?.outcome])).toEqual([
    ['Right lung', 'Lung', 'A1 B1 C1 D1', 'agreed'],
    ['Left lung', 'Lung', 'A2 B2 C2 D2', 'majority'],
    ['Lung nodule', 'Nodule', 'A3 B3 D3', 'staple'],
    ['Lung nodule (C3)', 'Nodule', 'C3 D4', 'accepted'],
    ['Lung nodule (C4)', 'Nodule', 'C4 D5', 'majority'],
  ]);
  const written = readSegmentation(result.referenceSeg, demoCt02().sourceImages);
  expect(sameVoxels(maskOf(written, 4), maskOf(okafor, 3))).toBe(true);
  // C4 against two annotations without it: one vote of three, background.
  expect(maskOf(written, 5).count()).toBe(0);
  expect(qc.structures[4].agreements).toEqual([{ between: ['C', 'D'], dice: 0, jaccard: 0, hdMm: null, hd95Mm: null, assdMm: null, nsd: expect.any(Object) }]);
});

test('decisions: what the adjudicator chose for an escalated structure; agreed otherwise, unless edited', () => {
  const mask = new BitMask({ columns: 1, rows: 1, slices: 1, spacing: [1, 1, 1], origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1] });
  const decision = (escalated: boolean, method: Parameters<typeof qcDecisionOf>[0]['method']) => qcDecisionOf({ structureLabel: 'x', method, reasons: [], escalated });
  expect(decision(true, { kind: 'accept', annotation: 'C' })).toEqual({ outcome: 'accepted', acceptedAnnotation: 'C' });
  expect(decision(true, { kind: 'majority' })).toEqual({ outcome: 'majority' });
  expect(decision(false, { kind: 'staple' })).toEqual({ outcome: 'agreed' });
  expect(decision(false, { kind: 'accept', annotation: 'A' })).toEqual({ outcome: 'agreed' });
  expect(decision(false, { kind: 'edited', mask })).toEqual({ outcome: 'edited' });
});
