// The report's rows of κ and α: an undefined κ prints the statistic's own reason in words, and an
// interval never goes past 1 (issue 14).
import { caseLabelAgreement, type CaseLabel, type LesionLabelAgreement } from '@segqc/core';
import { labelAgreementTable } from './agreementTables';

const entry = (labels: CaseLabel[]): LesionLabelAgreement => ({
  kind: 'lesion-present', structure: 'Lung nodule', modality: 'CT', labels, agreement: caseLabelAgreement(labels, { bootstrap: false }),
});
const label = (caseId: string, annotator: string, yes: boolean): CaseLabel => ({ caseId, annotator, label: yes ? 'yes' : 'no' });
const cases = ['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07', 'ct-08'];

test('every reader said "yes" on every case: κ is undefined, and the row says why in words', () => {
  const html = labelAgreementTable(entry(cases.flatMap((c) => ['A', 'B', 'C'].map((a) => label(c, a, true)))));
  expect(html).toContain('<span class="muted">undefined: both raters put all 8 subjects in category &quot;yes&quot;: with no variation, chance agreement is total (p_e = 1) and κ = (p_o − p_e) / (1 − p_e) is 0/0</span>');
  expect(html).toContain('<span class="muted">undefined: all 3 raters put all 8 subjects in category &quot;yes&quot;: with no variation, chance agreement is total (P̄e = 1)');
});

test('a small sample with one disagreement: κ = 0.800 with an interval inside [−1, 1]', () => {
  // 10 cases, B says "yes" once where A says "no": the table [[4, 1], [0, 5]] (plain Wald: [0.44, 1.16]).
  const ten = Array.from({ length: 10 }, (_, n) => `case-${n}`);
  const html = labelAgreementTable(entry(ten.flatMap((c, n) => [label(c, 'A', n >= 5), label(c, 'B', n >= 4)])));
  expect(html).toContain('0.800 <span class="muted">[0.09, 0.97]</span>');
});
