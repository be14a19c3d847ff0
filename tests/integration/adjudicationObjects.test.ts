// What an adjudicator's signature writes must pass the DICOM validators like every object SegQC
// writes: the reference-standard SEG (dciodvfy, dcentvfy against its CT series, PixelMed) and the
// verified QC report that judges it with the annotations (dciodvfy, dsrdump, PixelMed's TID 1500
// validator, dcentvfy against the SEGs and images it refers to), with no counted error. On the
// demo case ct-02 with two annotators (A Rivera, B Chen; the reference is C): one structure
// accepted, one by majority vote, one by STAPLE; identity self-declared. Two, not three: PixelMed's
// DicomSRValidator runs out of a 6 GB heap on the 12 groups × 3 pairs × 8 NUMs of a three-annotator
// adjudication under this SOP (NSD at 1, 2 and 3 mm); the report's structure is the same.
import { writeAdjudication, type WrittenAdjudication } from '../../packages/core/src/adjudication/writeAdjudication';
import { demoAdjudication, demoCt02 } from '../../packages/core/src/adjudication/adjudication.fixture';
import { expectSrValidatorsPass, expectValidatorsPass, validateDicom, validatorUnavailable } from '../harness/validateDicom';

jest.setTimeout(300_000);

let written: WrittenAdjudication;
beforeAll(() => {
  const init = demoAdjudication({ annotations: demoCt02().annotations.slice(0, 2) });
  written = writeAdjudication({ ...init, decisions: [{ ...init.decisions[0], method: { kind: 'accept', annotation: 'B' }, escalated: true, reasons: [{ reason: 'underSegmentation' }] }, init.decisions[1], init.decisions[2]] });
});

it('the reference-standard SEG passes dciodvfy, dcentvfy against its source and PixelMed', () => {
  // Required, not optional: without the validators the test fails, saying why (issue 14).
  expect(validatorUnavailable()).toBeUndefined();
  expectValidatorsPass(validateDicom(written.referenceSeg, demoCt02().sourceFiles), 'Segmentation');
});

it('the verified QC report passes dciodvfy, dsrdump, PixelMed (TID 1500) and dcentvfy against the SEGs and images', () => {
  // Required, not optional: without the validators the test fails, saying why (issue 14).
  expect(validatorUnavailable()).toBeUndefined();
  const { segFiles, sourceFiles } = demoCt02();
  expectSrValidatorsPass(validateDicom(written.report, [...segFiles.slice(0, 2), written.referenceSeg, ...sourceFiles]), 'Comprehensive3DSR');
});
