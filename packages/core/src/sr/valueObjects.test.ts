// The parts of a QC report validate on construction, each naming the attribute or content-item
// path it would be written to (what highdicom's test_construction_* tests pin down).
import { DicomValueError } from '../dicom/DicomValueError';
import { AlgorithmIdentification } from './AlgorithmIdentification';
import { DisplayRegion } from './DisplayRegion';
import { ImageLibrary } from './ImageLibrary';
import { QcAgreement } from './QcAgreement';
import { QcAnnotation } from './QcAnnotation';
import { QcDecision } from './QcDecision';
import { QcObserver } from './QcObserver';
import { ReportSubject } from './ReportSubject';
import { ReportVerification } from './ReportVerification';
import { SopChecklistResult } from './SopChecklistResult';
import { SopInForce } from './SopInForce';
import { SYNTHETIC_CONVENTIONS, sha, syntheticReportInit } from './syntheticReport.fixture';

const [rightLung] = syntheticReportInit().structures;
const annotationA = rightLung.annotations[0];
const agreement = rightLung.agreements![0];

function error(construct: () => unknown): DicomValueError {
  try {
    construct();
  } catch (thrown) {
    if (thrown instanceof DicomValueError) return thrown;
    throw thrown;
  }
  throw new Error('no error');
}

describe('QcObserver (TID 1002/1003)', () => {
  test('writes Person, name, login, organisation and the CID 7453 role, in template order', () => {
    const items = new QcObserver({ name: 'Rivera^Ana', login: 'arivera', organization: 'Demo Hospital', role: 'adjudicator' }).toItems();
    expect(items.map((item) => [item['ValueType'], (item['ConceptNameCodeSequence'] as Array<{ CodeValue: string }>)[0].CodeValue])).toEqual([
      ['CODE', '121005'], ['PNAME', '121008'], ['TEXT', '128774'], ['TEXT', '121009'], ['CODE', '121011'],
    ]);
    expect(items[4]['ConceptCodeSequence']).toEqual([{ CodeValue: 'C96561', CodingSchemeDesignator: 'NCIt', CodeMeaning: 'Adjudicator' }]);
  });
  test('refuses a role outside CID 7453 and a name that is not PN', () => {
    expect(error(() => new QcObserver({ name: 'A^B', login: 'ab', role: 'boss' as never })).message).toBe(
      'ContentSequence{Observer Context}.ContentSequence{Person Observer\'s Role in this Procedure}.ConceptCodeSequence[0]: role "boss" is not one of reviewer, adjudicator, reader (CID 7453)');
    expect(error(() => new QcObserver({ name: 'A\\B', login: 'ab', role: 'reviewer' })).attributePath).toBe('ContentSequence{Observer Context}.ContentSequence{Person Observer Name}.PersonName');
    expect(error(() => new QcObserver({ name: 'A^B', login: '', role: 'reviewer' })).attributePath).toBe('ContentSequence{Observer Context}.ContentSequence{Person Observer\'s Login Name}.TextValue');
  });
});

describe('QcDecision', () => {
  test('accepted names its annotation; other reasons carry no text, "other" must', () => {
    expect(new QcDecision({ outcome: 'accepted', acceptedAnnotation: 'B' }).code).toEqual({ value: 'ACCEPTED-B', scheme: '99SEGQC', meaning: 'Accepted annotation B' });
    expect(error(() => new QcDecision({ outcome: 'accepted' }, 'G')).message).toMatch(/^G.ContentSequence\{Quality control decision\}.ConceptCodeSequence\[0\]: "accepted" needs acceptedAnnotation/);
    expect(error(() => new QcDecision({ outcome: 'agreed', acceptedAnnotation: 'A' }, 'G')).reason).toBe('acceptedAnnotation goes only with outcome "accepted", not "agreed"');
    expect(error(() => new QcDecision({ outcome: 'escalated', reasons: [{ reason: 'other' }] }, 'G')).message).toBe('G.ContentSequence{Quality control reason text}.TextValue: is required and must not be empty');
    expect(error(() => new QcDecision({ outcome: 'escalated', reasons: [{ reason: 'wrongLabel', text: 'why' }] }, 'G')).reason).toBe('only the reason "other" carries text, not "wrongLabel"');
    expect(error(() => new QcDecision({ outcome: 'escalated', reasons: [{ reason: 'wrongLabel' }, { reason: 'wrongLabel' }] }, 'G')).attributePath).toBe('G.ContentSequence{Quality control reason}[1].ConceptCodeSequence[0]');
    expect(error(() => new QcDecision({ outcome: 'postponed' as never }, 'G')).reason).toMatch(/^"postponed" is not a QC decision/);
  });
  test('writes the decision, then each reason, "other" followed by its words', () => {
    const items = new QcDecision({ outcome: 'escalated', reasons: [{ reason: 'sopViolation' }, { reason: 'other', text: 'see note' }] }).toItems('G');
    expect(items.map((item) => [(item['ConceptNameCodeSequence'] as Array<{ CodeValue: string }>)[0].CodeValue, item['TextValue'] ?? (item['ConceptCodeSequence'] as Array<{ CodeValue: string }>)[0].CodeValue])).toEqual([
      ['QC-DECISION', 'ESCALATED'], ['QC-REASON', 'SOP-VIOLATION'], ['QC-REASON', 'OTHER'], ['QC-REASON-TEXT', 'see note'],
    ]);
  });
});

describe('QcAgreement', () => {
  test('ratios are in [0, 1], distances ≥ 0 or null, NSD tolerances canonical', () => {
    expect(error(() => new QcAgreement({ ...agreement, dice: 1.2 }, 'G')).message).toBe('G.ContentSequence{Dice similarity coefficient}.MeasuredValueSequence[0].NumericValue: 1.2 is not a finite number in [0, 1]');
    expect(error(() => new QcAgreement({ ...agreement, hdMm: -1 }, 'G')).attributePath).toBe('G.ContentSequence{Hausdorff distance}.MeasuredValueSequence[0].NumericValue');
    expect(error(() => new QcAgreement({ ...agreement, nsd: { '1.0': 0.5 } }, 'G')).attributePath).toBe('G.nsd(1.0)');
    expect(error(() => new QcAgreement({ ...agreement, between: ['A', 'A'] }, 'G')).reason).toMatch(/^between must name two different annotations/);
    expect(new QcAgreement({ ...agreement, hdMm: null }).hdMm).toBeNull();
  });
  test('each NUM names the other annotation and carries the algorithm with the conventions of that metric', () => {
    const algorithm = new AlgorithmIdentification({ name: 'segqc-core', version: '0.1.0', conventions: SYNTHETIC_CONVENTIONS });
    const items = new QcAgreement(agreement).toItems('B', algorithm, 'G');
    expect(items.map((item) => (item['ConceptNameCodeSequence'] as Array<{ CodeValue: string }>)[0].CodeValue)).toEqual(['DICE', 'JACCARD', 'HD', 'HD95', 'ASSD', 'NSD-1MM', 'NSD-2MM']);
    const children = items[3]['ContentSequence'] as Array<Record<string, unknown>>;
    expect(children.map((child) => child['TextValue'] ?? (child['ConceptCodeSequence'] as Array<{ CodeValue: string }>)[0].CodeValue)).toEqual([
      'ANNOTATION-A', 'segqc-core', '0.1.0', `hd95: ${SYNTHETIC_CONVENTIONS.hd95}`, 'hd95Variant: pooled', `surface: ${SYNTHETIC_CONVENTIONS.surface}`, `distance: ${SYNTHETIC_CONVENTIONS.distance}`,
    ]);
  });
});

describe('AlgorithmIdentification (TID 4019)', () => {
  test('refuses unknown conventions and asks for missing ones by name', () => {
    expect(error(() => new AlgorithmIdentification({ name: 'x', version: '1', conventions: { colour: 'blue' } })).reason).toMatch(/^"colour" is not a convention/);
    const algorithm = new AlgorithmIdentification({ name: 'x', version: '1', conventions: { volume: 'count × size' } });
    expect(error(() => algorithm.itemsFor('volumeMl', 'G')).message).toBe('algorithm.ContentSequence{Algorithm Parameters}.TextValue(foreground): the convention "foreground" is needed for the volumeMl measurements');
  });
});

describe('QcAnnotation and DisplayRegion', () => {
  test('a referenced segment must be of a Segmentation', () => {
    expect(error(() => new QcAnnotation({ ...annotationA, segment: { ...annotationA.segment, sopClassUid: '1.2.840.10008.5.1.4.1.1.2' } }, 'G')).message).toMatch(
      /^G.ContentSequence\{Referenced Segment\}.ReferencedSOPSequence\[0\].ReferencedSOPClassUID: 1.2.840.10008.5.1.4.1.1.2 is not a Segmentation SOP class/);
    expect(error(() => new QcAnnotation({ ...annotationA, pixelDataSha256: 'ABC' }, 'G')).attributePath).toBe('G.ContentSequence{SHA-256 of segmentation pixel data}.TextValue');
    expect(error(() => new QcAnnotation({ ...annotationA, volumeMl: -1 }, 'G')).attributePath).toBe('G.ContentSequence{Volume}.MeasuredValueSequence[0].NumericValue');
  });
  test('the tracking UID is the same for a segment of a SEG in every report', () => {
    expect(new QcAnnotation(annotationA).trackingUid).toBe(new QcAnnotation({ ...annotationA, volumeMl: 1 }).trackingUid);
    expect(new QcAnnotation(annotationA).trackingUid).not.toBe(new QcAnnotation({ ...annotationA, segment: { ...annotationA.segment, segmentNumber: 2 } }).trackingUid);
  });
  test('a display region is a closed outline in float32 pixel coordinates', () => {
    const image = annotationA.displayRegion!.image;
    expect(error(() => new DisplayRegion({ image, outline: [0, 0, 1, 0, 1, 1, 0, 1] }, 'R')).reason).toBe('a closed POLYLINE ends at its first point (PS3.3 C.18.6.1.1)');
    expect(error(() => new DisplayRegion({ image, outline: [0.1, 0, 1, 0, 1, 1, 0.1, 0] }, 'R')).attributePath).toBe('R.ContentSequence{Display region}.GraphicData[0]');
    expect(error(() => new DisplayRegion({ image, outline: [0, 0, 1, 1, 0, 0] }, 'R')).reason).toMatch(/at least 4 column/);
  });
});

describe('report header parts', () => {
  test('SOP in force: id@version+sha256, parsed back', () => {
    const sop = new SopInForce({ id: 'ct-chest', version: '1.2.0', sha256: sha('sop') });
    expect(SopInForce.parse(sop.toText())).toEqual(sop);
    expect(error(() => new SopInForce({ id: 'a@b', version: '1', sha256: sha('x') })).attributePath).toBe('ContentSequence{Qualitative Evaluations}.ContentSequence{Standard operating procedure}.TextValue(id)');
    expect(error(() => SopInForce.parse('ct-chest@1.2.0+abc')).reason).toBe('"ct-chest@1.2.0+abc" is not a SOP reference id@version+sha256');
  });
  test('checklist results and verification', () => {
    expect(new SopChecklistResult({ itemId: 'window-lung', checked: false }).toItem()['ConceptNameCodeSequence']).toEqual([{ CodeValue: 'SOP-UNCHECKED', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'SOP checklist item not checked' }]);
    expect(error(() => new SopChecklistResult({ itemId: 'x', checked: 'yes' as never })).reason).toBe('checked must be true or false, got yes');
    expect(new ReportVerification({ name: 'Lindqvist^Maria', login: 'mlindqvist', dateTime: '20260302113000' }).toItem()).toEqual({
      VerifyingObserverName: 'Lindqvist^Maria',
      VerifyingObserverIdentificationCodeSequence: [{ CodeValue: 'mlindqvist', CodingSchemeDesignator: '99SEGQC', CodeMeaning: 'Maria Lindqvist' }],
      VerifyingOrganization: '',
      VerificationDateTime: '20260302113000',
    });
    expect(error(() => new ReportVerification({ name: 'A^B', login: 'ab', dateTime: '20260231120000' })).message).toBe('VerifyingObserverSequence[0].VerificationDateTime: "20260231120000" is not a calendar date');
  });
  test('subject and image library', () => {
    expect(new ReportSubject({ PatientName: '', PatientID: '', StudyInstanceUID: '1.2.3' }).attributes()).toMatchObject({ PatientName: '', PatientBirthDate: '', StudyDate: '', AccessionNumber: '' });
    expect(error(() => new ReportSubject({ PatientName: 'A', PatientID: 'B', StudyInstanceUID: '1.2.3', PatientSex: 'X' })).message).toBe('PatientSex: "X" is not M, F or O');
    expect(error(() => new ImageLibrary([])).message).toMatch(/^ContentSequence\{Image Library\}: the report needs an Image Library/);
    const group = syntheticReportInit().imageLibrary[0];
    expect(error(() => new ImageLibrary([{ ...group, images: [...group.images, group.images[0]] }])).attributePath).toBe('ContentSequence{Image Library}.ContentSequence{Image Library Group}[0].ContentSequence{Source}[3].ReferencedSOPSequence[0].ReferencedSOPInstanceUID');
    expect(error(() => new ImageLibrary([{ ...group, modality: 'XA' }])).reason).toMatch(/^modality XA is not one SegQC codes/);
  });
});
