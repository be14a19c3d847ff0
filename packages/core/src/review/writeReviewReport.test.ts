// The reviewer's record of demo case ct-02 (Rivera, Chen, Okafor as A, B, C under the CT lung
// nodule SOP): each structure's decision is the review's verdict, the observer a Reviewer, the
// report unsigned, self-declared; a second record, signed in, revises the first.
import { demoCt02, SIGNED_AT } from '../adjudication/adjudication.fixture';
import { readQcReport } from '../sr/readQcReport';
import { reviewCase } from './reviewCase';
import { writeReviewReport } from './writeReviewReport';

const reviewer = { name: 'Novak^Petra', login: 'pnovak' };
const signIn = { issuer: 'https://login.hospital.example', subject: 'pnovak' };

test('decisions follow the review, observer Reviewer, SOP and checklist recorded, not verified; a second record revises the first', () => {
  const demo = demoCt02();
  const ids = ['A', 'B', 'C'];
  const review = reviewCase(demo.annotations.map((annotation, n) => ({ id: ids[n], segmentation: annotation.segmentation })), demo.sop);
  const checklist = [{ itemId: 'nodule-count-checked', checked: true }];
  const first = writeReviewReport({ annotations: demo.annotations, review, sourceImages: demo.sourceImages, sop: demo.sop, reviewer, checklist, now: SIGNED_AT });
  const read = readQcReport(first.report).qc!;

  const expected = Object.fromEntries(review.structures.map((s) => [s.structure.label, s.verdict === 'escalate' ? 'escalated' : 'agreed']));
  expect(Object.fromEntries(read.structures.map((s) => [s.label, s.decision?.outcome]))).toEqual(expected);
  expect(Object.values(expected)).toContain('escalated'); // ct-02 has disagreements beyond the SOP's limits
  expect(read.observer).toEqual({ name: 'Novak^Petra', login: 'pnovak', role: 'reviewer' }); // self-declared
  expect(read.verification).toBeUndefined();
  expect(read.sop).toEqual({ id: demo.sop.id, version: demo.sop.version, sha256: demo.sop.reference.sha256 });
  expect(read.checklist).toEqual(checklist);
  expect(read.sopInstanceUid).toBe(first.reportSopInstanceUid);

  // The second record by the same reviewer, signed in this time.
  const second = readQcReport(writeReviewReport({ annotations: demo.annotations, review, sourceImages: demo.sourceImages, sop: demo.sop, reviewer: { ...reviewer, authentication: signIn }, checklist, now: SIGNED_AT, predecessor: first.report }).report).qc!;
  expect(second.observer).toEqual({ name: 'Novak^Petra', login: 'pnovak', role: 'reviewer', authentication: signIn });
  expect(second.predecessors?.map((p) => p.sopInstanceUid)).toEqual([first.reportSopInstanceUid]);
  expect([second.seriesInstanceUid, second.instanceNumber]).toEqual([read.seriesInstanceUid, 2]);
});
