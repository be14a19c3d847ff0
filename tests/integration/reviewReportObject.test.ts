// The reviewer's record (an unsigned QC report, observer Reviewer, structures agreed or escalated)
// must pass the DICOM validators like every object SegQC writes: dciodvfy, dsrdump, PixelMed's
// TID 1500 validator and dcentvfy against the SEGs and images it refers to. Demo case ct-02 with
// two annotators (Rivera, Chen), as the adjudication objects' test, for PixelMed's heap. The
// reviewer is signed in, so the Observer identity items carry an issuer and a subject (the
// adjudication objects' test has the self-declared form).
import { reviewCase, writeReviewReport } from '@segqc/core';
import { demoCt02, SIGNED_AT } from '../../packages/core/src/adjudication/adjudication.fixture';
import { expectSrValidatorsPass, validateDicom, validatorUnavailable } from '../harness/validateDicom';

jest.setTimeout(300_000);

it('the review report passes dciodvfy, dsrdump, PixelMed (TID 1500) and dcentvfy against the SEGs and images', () => {
  // Required, not optional: without the validators the test fails, saying why (issue 14).
  expect(validatorUnavailable()).toBeUndefined();
  const { annotations, segFiles, sourceFiles, sourceImages, sop } = demoCt02();
  const two = annotations.slice(0, 2);
  const review = reviewCase(two.map((annotation, n) => ({ id: 'AB'[n], segmentation: annotation.segmentation })), sop);
  const { report } = writeReviewReport({
    annotations: two, review, sourceImages, sop, now: SIGNED_AT,
    reviewer: { name: 'Novak^Petra', login: 'pnovak', authentication: { issuer: 'https://login.segqc-test.example/realms/radiology', subject: '7e1f0c52-9d3a-4b6e-8f21-c4a5b6d7e8f9' } },
    checklist: [{ itemId: 'nodule-count-checked', checked: true }],
  });
  expectSrValidatorsPass(validateDicom(report, [...segFiles.slice(0, 2), ...sourceFiles]), 'Comprehensive3DSR');
});
