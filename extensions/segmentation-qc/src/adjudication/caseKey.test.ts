import type { CaseReviewSummary } from '../review/reviewSummary';
import { caseKeyOf } from './caseKey';

// OHIF remounts the panel after the adjudicator paints in the segmentation panel, and the case is
// reviewed anew: the drafts must be kept exactly when it is the same case.
const review = {
  annotationIds: ['Rivera, Ana', 'Okafor, Ben'],
  structures: [{ key: '0', label: 'Right lung', verdict: 'escalate', segmentNumbers: new Map() }],
  grid: { columns: 4, rows: 3, slices: 2 },
  sliceSopInstanceUids: ['2.25.1', '2.25.2'],
  rows: [],
  adjudication: null,
  excluded: [],
  unreadableReports: [],
} as unknown as CaseReviewSummary;

test('the same case reviewed again has the same key, whatever adjudication is on record', () => {
  const again = { ...review, rows: [], adjudication: { reportSopInstanceUid: '2.25.9' } } as unknown as CaseReviewSummary;
  expect(caseKeyOf('2.25.100', again)).toBe(caseKeyOf('2.25.100', review));
});

test('another study, other annotations, another verdict or another grid is another case', () => {
  const key = caseKeyOf('2.25.100', review);
  expect(caseKeyOf('2.25.101', review)).not.toBe(key);
  expect(caseKeyOf('2.25.100', { ...review, annotationIds: ['Rivera, Ana'] })).not.toBe(key);
  expect(caseKeyOf('2.25.100', { ...review, structures: [{ ...review.structures[0], verdict: 'pass' }] })).not.toBe(key);
  expect(caseKeyOf('2.25.100', { ...review, sliceSopInstanceUids: ['2.25.1', '2.25.3'] })).not.toBe(key);
});
