import { decisionsOf, initialDrafts, missingForSignature, startingChoiceOf } from './decisionDraft';
import type { CaseReviewSummary } from '../review/reviewSummary';

// The adjudicator cannot sign until every escalated structure has a reference and a coded reason
// ("other" with words); agreed structures default to STAPLE and need no reason.
const review = {
  structures: [
    { key: '0', label: 'Right lung', verdict: 'escalate', segmentNumbers: new Map() },
    { key: '1', label: 'Left lung', verdict: 'pass', segmentNumbers: new Map() },
  ],
} as unknown as CaseReviewSummary;

test('escalated structures start undecided, agreed ones at STAPLE', () => {
  expect(initialDrafts(review).map((d) => [d.label, d.escalated, d.method])).toEqual([
    ['Right lung', true, ''],
    ['Left lung', false, 'staple'],
  ]);
});

test('a signature needs the reference and a reason for each escalated structure, and words for "other"', () => {
  const drafts = initialDrafts(review);
  expect(missingForSignature(drafts)).toEqual(['Right lung: choose the reference', 'Right lung: give a reason']);
  drafts[0] = { ...drafts[0], method: 'accept:Rivera, Ana', reasons: ['other'] };
  expect(missingForSignature(drafts)).toEqual(['Right lung: describe the other reason']);
  drafts[0] = { ...drafts[0], otherText: '  drift ' };
  expect(missingForSignature(drafts)).toEqual([]);
  expect(decisionsOf(drafts, new Map())).toEqual([
    { structureKey: '0', method: { kind: 'accept', annotationId: 'Rivera, Ana' }, reasons: [{ reason: 'other', text: 'drift' }], escalated: true },
    { structureKey: '1', method: { kind: 'staple' }, reasons: [], escalated: false },
  ]);
});

test('an edited structure without its mask cannot be signed', () => {
  const drafts = initialDrafts(review).map((d) => ({ ...d, method: 'edited', reasons: ['boundaryDisagreement' as const] }));
  expect(() => decisionsOf(drafts, new Map())).toThrow('Right lung: the edited reference is not in the viewer any more');
  const words = new Uint32Array([1, 2]);
  expect(decisionsOf(drafts, new Map([['0', words], ['1', words]]))[0].method).toEqual({ kind: 'edited', words });
});

test('an edit starts from an annotator, majority vote or STAPLE; nothing else is a starting point', () => {
  expect(startingChoiceOf('accept:Rivera, Ana')).toEqual({ kind: 'accept', annotationId: 'Rivera, Ana' });
  expect(startingChoiceOf('majority')).toEqual({ kind: 'majority' });
  expect(startingChoiceOf('staple')).toEqual({ kind: 'staple' });
  expect(startingChoiceOf('edited')).toBeNull();
  expect(startingChoiceOf('')).toBeNull();
});
