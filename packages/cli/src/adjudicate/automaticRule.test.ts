import type { Sop } from '@segqc/core';
import { automaticDecisions, automaticReason, notAgreed } from './automaticRule';
import type { CaseStructure } from './caseStructures';
import type { CaseToAdjudicate } from './caseToAdjudicate';

// Why: --auto-accept-agreed signs references no person looked at; it must do so only where every
// pair passed the SOP, and record the rule it followed in words (QC_REASONS has no code for it).

const sop = { reference: { id: 'ct-lung-nodule', version: '1.2.0' } } as unknown as Sop;
const caseWith = (verdicts: string[], caseSop: Sop | null = sop) =>
  ({ sop: caseSop, review: { verdict: verdicts.includes('escalate') ? 'escalate' : verdicts.every((v) => v === 'pass') ? 'pass' : 'no-thresholds', rows: verdicts.map((verdict) => ({ verdict })) } }) as unknown as CaseToAdjudicate;

test('every pair passed: agreed', () => {
  expect(notAgreed(caseWith(['pass', 'pass', 'pass']))).toBeNull();
});

test('an escalated pair, a pair without thresholds, or no SOP: not agreed, saying why', () => {
  expect(notAgreed(caseWith(['pass', 'escalate', 'no-thresholds']))).toBe('not every pair passed ct-lung-nodule@1.2.0: 1 escalated, 1 without thresholds of 3 pair × structure rows');
  expect(notAgreed(caseWith(['pass'], null))).toBe('no SOP applies, so no thresholds judged the pairs');
});

test('the automatic decisions: every structure agreed, the method, the rule as the reason "other"', () => {
  expect(automaticReason(sop, 'staple')).toEqual({ reason: 'other', text: 'automatic: every pair passed ct-lung-nodule@1.2.0, staple' });
  const structures = [{ structure: { label: 'Right lung' } }, { structure: { label: 'Lung nodule' } }] as unknown as CaseStructure[];
  expect(automaticDecisions(structures, sop, 'majority')).toEqual(['Right lung', 'Lung nodule'].map((structureLabel) => ({
    structureLabel, method: { kind: 'majority' }, reasons: [{ reason: 'other', text: 'automatic: every pair passed ct-lung-nodule@1.2.0, majority' }], escalated: false,
  })));
});
