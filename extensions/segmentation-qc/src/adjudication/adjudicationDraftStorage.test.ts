import { memoryStorage } from '../identity/memoryStorage.fixture';
import type { CaseReviewSummary } from '../review/reviewSummary';
import { adjudicationDraftKey, forgetAdjudicationDraft, readAdjudicationDraft, saveAdjudicationDraft } from './adjudicationDraftStorage';
import { initialDrafts, type DecisionDraft } from './decisionDraft';
import { restoredDrafts } from './restoredDrafts';

// Issue 16: an adjudicator decides the escalated structures over several sittings; what they chose
// and why must survive a reload until they sign, for them alone and for this version of the case.
const review = {
  structures: [
    { key: '0', label: 'Right lung', verdict: 'escalate', segmentNumbers: new Map() },
    { key: '1', label: 'Lung nodule', verdict: 'escalate', segmentNumbers: new Map() },
    { key: '2', label: 'Left lung', verdict: 'pass', segmentNumbers: new Map() },
  ],
} as unknown as CaseReviewSummary;
const owner = { studyInstanceUid: '1.2.3', login: 'psingh' };
const CASE = 'case-v1';
const decided = (drafts: DecisionDraft[]): DecisionDraft[] =>
  drafts.map((draft) => (draft.label === 'Right lung' ? { ...draft, method: 'accept:Rivera, Ana', reasons: ['overSegmentation', 'other'], otherText: 'apex cut' } : draft));

test('saved decisions come back for the same adjudicator and case, with reasons and the words of "other"', () => {
  const storage = memoryStorage();
  saveAdjudicationDraft(storage, owner, CASE, decided(initialDrafts(review)), new Date('2026-12-08T01:02:03Z'));
  const saved = readAdjudicationDraft(storage, owner, CASE)!;
  expect(saved.savedAt).toBe('2026-12-08T01:02:03.000Z');
  expect(restoredDrafts(initialDrafts(review), saved.decisions).map((d) => [d.label, d.method, d.reasons, d.otherText])).toEqual([
    ['Right lung', 'accept:Rivera, Ana', ['overSegmentation', 'other'], 'apex cut'],
    ['Lung nodule', '', [], ''],
    ['Left lung', 'staple', [], ''],
  ]);
});

test('another adjudicator, another study or another version of the case finds no draft', () => {
  const storage = memoryStorage();
  saveAdjudicationDraft(storage, owner, CASE, decided(initialDrafts(review)), new Date());
  expect(readAdjudicationDraft(storage, { ...owner, login: 'mlindqvist' }, CASE)).toBeNull();
  expect(readAdjudicationDraft(storage, { ...owner, studyInstanceUid: '1.2.4' }, CASE)).toBeNull();
  expect(readAdjudicationDraft(storage, owner, 'case-v2')).toBeNull();
});

test('a signed draft is forgotten', () => {
  const storage = memoryStorage();
  saveAdjudicationDraft(storage, owner, CASE, decided(initialDrafts(review)), new Date());
  forgetAdjudicationDraft(storage, owner);
  expect(storage.items).toEqual({});
  expect(readAdjudicationDraft(storage, owner, CASE)).toBeNull();
});

test('an edited reference comes back undecided: its mask stayed in the page that was left', () => {
  const drafts = initialDrafts(review).map((d) => (d.label === 'Lung nodule' ? { ...d, method: 'edited', reasons: ['missedLesion' as const] } : d));
  const storage = memoryStorage();
  saveAdjudicationDraft(storage, owner, CASE, drafts, new Date());
  const nodule = restoredDrafts(initialDrafts(review), readAdjudicationDraft(storage, owner, CASE)!.decisions).find((d) => d.label === 'Lung nodule')!;
  expect([nodule.method, nodule.reasons]).toEqual(['', ['missedLesion']]);
});

test('unreadable or tampered storage gives no draft, and unknown reason codes are dropped', () => {
  expect(readAdjudicationDraft(memoryStorage({ [adjudicationDraftKey(owner)]: '{not json' }), owner, CASE)).toBeNull();
  const tampered = memoryStorage({
    [adjudicationDraftKey(owner)]: JSON.stringify({
      caseKey: CASE,
      savedAt: '2026-12-08T00:00:00.000Z',
      decisions: [{ structureKey: '0', label: 'Right lung', method: 'majority', reasons: ['boundaryDisagreement', 'because'], otherText: '' }, { structureKey: 1 }],
    }),
  });
  expect(readAdjudicationDraft(tampered, owner, CASE)!.decisions).toEqual([
    { structureKey: '0', label: 'Right lung', method: 'majority', reasons: ['boundaryDisagreement'], otherText: '' },
  ]);
});

test('a saved structure whose label changed is not put on another structure', () => {
  const saved = [{ structureKey: '0', label: 'Left lung', method: 'majority', reasons: [], otherText: '' }];
  expect(restoredDrafts(initialDrafts(review), saved)[0].method).toBe('');
});

test('a browser that refuses storage keeps working without a draft', () => {
  const refusing = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
  expect(() => saveAdjudicationDraft(refusing, owner, CASE, initialDrafts(review), new Date())).not.toThrow();
  expect(readAdjudicationDraft(refusing, owner, CASE)).toBeNull();
});
