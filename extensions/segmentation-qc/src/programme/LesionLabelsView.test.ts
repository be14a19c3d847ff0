// The dashboard's rows of κ and α: an undefined κ prints the statistic's own reason in words, and
// an interval never goes past 1 (issue 14).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { caseLabelAgreement, type CaseLabel, type LesionLabelAgreement } from '@segqc/core';
import { LesionLabelsView } from './LesionLabelsView';

const entry = (labels: CaseLabel[]): LesionLabelAgreement => ({
  kind: 'lesion-present', structure: 'Lung nodule', modality: 'CT', labels, agreement: caseLabelAgreement(labels, { bootstrap: false }),
});
const label = (caseId: string, annotator: string, yes: boolean): CaseLabel => ({ caseId, annotator, label: yes ? 'yes' : 'no' });
const cases = ['ct-01', 'ct-02', 'ct-03', 'ct-04', 'ct-05', 'ct-06', 'ct-07', 'ct-08'];

test('every reader said "yes" on every case: κ is undefined, and the row says why in words', () => {
  const html = renderToStaticMarkup(createElement(LesionLabelsView, { entry: entry(cases.flatMap((c) => ['A', 'B', 'C'].map((a) => label(c, a, true)))) }));
  expect(html).toContain('undefined: both raters put all 8 subjects in category &quot;yes&quot;: with no variation, chance agreement is total (p_e = 1) and κ = (p_o − p_e) / (1 − p_e) is 0/0');
  expect(html).toContain('undefined: all 3 raters put all 8 subjects in category &quot;yes&quot;: with no variation, chance agreement is total (P̄e = 1)');
});

test('a small sample with one disagreement: κ = 0.800 with an interval inside [−1, 1]', () => {
  // 10 cases, B says "yes" once where A says "no": the table [[4, 1], [0, 5]] (plain Wald: [0.44, 1.16]).
  const ten = Array.from({ length: 10 }, (_, n) => `case-${n}`);
  const labels = ten.flatMap((c, n) => [label(c, 'A', n >= 5), label(c, 'B', n >= 4)]);
  const html = renderToStaticMarkup(createElement(LesionLabelsView, { entry: entry(labels) }));
  expect(html).toContain('0.800 <span class="segqc-muted">[0.09, 0.97]</span>');
});
