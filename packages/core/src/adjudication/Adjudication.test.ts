// Nothing invalid is ever signed: an adjudication is checked whole on construction, and each
// refusal names the input field, so the viewer can point at it. On the demo case ct-02.
import { dicomLabToSrgb } from '../seg/cielab';
import { readPart10 } from '../dicom/readPart10';
import { writeQcReport } from '../sr/buildQcReport';
import { BitMask } from '../volume/BitMask';
import { Adjudication, type AdjudicationInit, type StructureDecisionInit } from './Adjudication';
import { AdjudicationInputError } from './AdjudicationInputError';
import { demoAdjudication, demoCt02 } from './adjudication.fixture';
import { syntheticReportInit } from '../sr/syntheticReport.fixture';

jest.setTimeout(60_000);

beforeAll(() => {
  demoCt02();
});

/** The refusal of `init`, or a failure when it is accepted. */
function refusal(init: AdjudicationInit): AdjudicationInputError {
  try {
    new Adjudication(init);
  } catch (error) {
    if (error instanceof AdjudicationInputError) return error;
    throw error;
  }
  throw new Error('the adjudication was accepted');
}

const decisions = (change: (decisions: StructureDecisionInit[]) => void): Pick<AdjudicationInit, 'decisions'> => {
  const list = demoAdjudication().decisions.map((decision) => ({ ...decision }));
  change(list);
  return { decisions: list };
};

describe('a valid adjudication', () => {
  it('lists the report\'s structures with their decisions, codes and the first annotation\'s colours', () => {
    const adjudication = new Adjudication(demoAdjudication());
    const { segFiles } = demoCt02();
    const colours = (readPart10(segFiles[0]).dataset['SegmentSequence'] as Array<Record<string, unknown>>).map((item) => dicomLabToSrgb(item['RecommendedDisplayCIELabValue'] as [number, number, number]));
    expect(adjudication.structures.map((s) => [s.label, s.segments.map((x) => `${x.annotation}${x.segmentNumber}`).join(' '), s.type.meaning, s.decision.method.kind, s.color])).toEqual([
      ['Right lung', 'A1 B1 C1', 'Lung', 'accept', colours[0]],
      ['Left lung', 'A2 B2 C2', 'Lung', 'majority', colours[1]],
      ['Lung nodule', 'A3 B3 C3', 'Nodule', 'staple', colours[2]],
    ]);
    expect(adjudication.institutionName).toBe('SegQC Demo Hospital');
    // NSD at the defaults and at each SOP structure's tolerance.
    expect(adjudication.metrics.tolerancesMm).toEqual([...new Set([1, 2, ...demoCt02().sop.structures.map((s) => s.thresholds.nsdToleranceMm)])].sort((a, b) => a - b));
    expect(adjudication.revision).toBeUndefined();
  });

  it('takes the institution from the annotations when the adjudicator names none', () => {
    const adjudication = new Adjudication(demoAdjudication({ adjudicator: { name: 'Singh^Priya', login: 'psingh' } }));
    expect(adjudication.institutionName).toBe(demoCt02().annotations[0].info.institutionName);
  });
});

describe('refused, naming the field', () => {
  it('an escalated structure without a coded reason', () => {
    const error = refusal(demoAdjudication(decisions((list) => (list[1] = { ...list[1], reasons: [] }))));
    expect(error.attributePath).toBe('decisions[1].reasons');
    expect(error.message).toMatch(/"Left lung" was escalated: give at least one coded reason/);
  });

  it('the reason "other" without its words, or words with another reason, or an unknown reason', () => {
    expect(refusal(demoAdjudication(decisions((list) => (list[2] = { ...list[2], reasons: [{ reason: 'other' }] })))).attributePath).toBe('decisions[2].reasons[0].text');
    expect(refusal(demoAdjudication(decisions((list) => (list[2] = { ...list[2], reasons: [{ reason: 'missedLesion', text: 'x' }] })))).attributePath).toBe('decisions[2].reasons[0].text');
    expect(refusal(demoAdjudication(decisions((list) => (list[2] = { ...list[2], reasons: [{ reason: 'tired' as never }] })))).message).toMatch(/^decisions\[2\]\.reasons\[0\]\.reason: "tired" is not a QC reason/);
  });

  it('accepting an annotation the structure lacks', () => {
    expect(refusal(demoAdjudication(decisions((list) => (list[0] = { ...list[0], method: { kind: 'accept', annotation: 'D' } })))).message)
      .toBe('decisions[0].method.annotation: "D" names no annotation of "Right lung" (it has A, B, C)');
    // Chen's SEG without the nodule: the structure has A and C only.
    const { annotations } = demoCt02();
    const withoutNodule = { ...annotations[1], segmentation: { ...annotations[1].segmentation, segments: annotations[1].segmentation.segments.filter((s) => s.number !== 3) } };
    const init = demoAdjudication({ annotations: [annotations[0], withoutNodule, annotations[2]], ...decisions((list) => (list[2] = { ...list[2], method: { kind: 'accept', annotation: 'B' } })) });
    expect(refusal(init).message).toBe('decisions[2].method.annotation: "B" names no annotation of "Lung nodule" (it has A, C)');
  });

  it('a required adjudicator checklist item unchecked or missing, another role\'s item, an unknown item', () => {
    expect(refusal(demoAdjudication({ checklist: [{ itemId: 'reference-justified', checked: false }] })).message).toMatch(/^checklist: the SOP ct-lung-nodule@1\.2\.0 requires the adjudicator to check "reference-justified" .* it is not checked$/);
    expect(refusal(demoAdjudication({ checklist: [] })).message).toMatch(/"reference-justified" .* it is missing$/);
    expect(refusal(demoAdjudication({ checklist: [{ itemId: 'lung-window', checked: true }] })).message).toBe('checklist[0].itemId: "lung-window" is the annotator\'s checklist item, not the adjudicator\'s');
    expect(refusal(demoAdjudication({ checklist: [{ itemId: 'coffee', checked: true }] })).attributePath).toBe('checklist[0].itemId');
    expect(refusal(demoAdjudication({ sop: undefined })).message).toBe('checklist: checklist results need the SOP they belong to (sop)');
  });

  it('a decision for no structure, a structure decided twice, a structure without a decision', () => {
    expect(refusal(demoAdjudication(decisions((list) => (list[0] = { ...list[0], structureLabel: 'Liver' })))).message).toBe('decisions[0].structureLabel: "Liver" is no structure of this case ("Right lung", "Left lung", "Lung nodule")');
    expect(refusal(demoAdjudication(decisions((list) => list.push({ ...list[0] })))).message).toBe('decisions[3].structureLabel: "Right lung" is decided twice');
    expect(refusal(demoAdjudication(decisions((list) => list.pop()))).message).toBe('decisions: "Lung nodule" has no decision: every structure of the case needs its reference standard');
  });

  it('an edited mask on another grid, an unknown method', () => {
    const small = new BitMask({ columns: 4, rows: 4, slices: 4, spacing: [1, 1, 1], origin: [0, 0, 0], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1] });
    expect(refusal(demoAdjudication(decisions((list) => (list[0] = { ...list[0], method: { kind: 'edited', mask: small } })))).attributePath).toBe('decisions[0].method.mask.grid');
    expect(refusal(demoAdjudication(decisions((list) => (list[0] = { ...list[0], method: { kind: 'vote' } as never })))).attributePath).toBe('decisions[0].method.kind');
  });

  it('a reference standard among the annotations, the same SEG twice, a SEG of another series', () => {
    const { annotations } = demoCt02();
    const gold = { ...annotations[2], info: { ...annotations[2].info, contentLabel: 'ADJUDICATED' } };
    expect(refusal(demoAdjudication({ annotations: [annotations[0], annotations[1], gold] })).attributePath).toBe('annotations[2].info.contentLabel');
    expect(refusal(demoAdjudication({ annotations: [annotations[0], annotations[0]] })).message).toMatch(/^annotations\[1\]\.info\.sopInstanceUid: the SEG .* is annotations\[0\] already$/);
    const elsewhere = { ...annotations[1], info: { ...annotations[1].info, sourceSeriesInstanceUid: '1.2.3' } };
    expect(refusal(demoAdjudication({ annotations: [annotations[0], elsewhere] })).attributePath).toBe('annotations[1].info.sourceSeriesInstanceUid');
  });

  it('an adjudicator without a valid name, login or sign-in; an invalid time', () => {
    const adjudicator = demoAdjudication().adjudicator;
    expect(refusal(demoAdjudication({ adjudicator: { ...adjudicator, name: '' } })).attributePath).toBe('adjudicator.name');
    expect(refusal(demoAdjudication({ adjudicator: { ...adjudicator, login: 'two\nlines' } })).attributePath).toBe('adjudicator.login');
    expect(refusal(demoAdjudication({ adjudicator: { ...adjudicator, authentication: 'yes' as never } })).attributePath).toBe('adjudicator.authentication');
    expect(refusal(demoAdjudication({ adjudicator: { ...adjudicator, authentication: { issuer: 'login.hospital.example', subject: 'psingh' } } })).message)
      .toBe('adjudicator.authentication.issuer: "login.hospital.example" is not an OpenID Provider issuer (an http or https URL on one line)');
    expect(refusal(demoAdjudication({ adjudicator: { ...adjudicator, authentication: { issuer: 'https://login.hospital.example', subject: 'a\\b' } } })).attributePath).toBe('adjudicator.authentication.subject');
    expect(refusal(demoAdjudication({ now: new Date('not a date') })).attributePath).toBe('now');
  });

  it('SOP Instance UIDs that are not valid UIDs, missing one, or one UID for both objects', () => {
    expect(refusal(demoAdjudication({ uids: { referenceSeg: '1.2.3', report: '1.2.03' } })).message).toBe('uids.report: "1.2.03" is not a valid UID (PS3.5 9.1)');
    expect(refusal(demoAdjudication({ uids: { referenceSeg: '1.2.3' } as never })).attributePath).toBe('uids.report');
    expect(refusal(demoAdjudication({ uids: null as never })).attributePath).toBe('uids');
    expect(refusal(demoAdjudication({ uids: { referenceSeg: '1.2.3', report: '1.2.3' } })).message).toMatch(/^uids\.report: is the reference SEG's UID too \(1\.2\.3\)/);
  });

  it('a predecessor that is not a QC report of this study', () => {
    const { segFiles } = demoCt02();
    expect(refusal(demoAdjudication({ predecessor: segFiles[0] })).attributePath).toBe('predecessor');
    const otherStudy = writeQcReport(syntheticReportInit());
    expect(refusal(demoAdjudication({ predecessor: otherStudy })).message).toMatch(/^predecessor: is the report of study .*, not of the annotations' /);
  });
});
