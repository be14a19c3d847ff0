import { renderToStaticMarkup } from 'react-dom/server';
import { AgreementSummary } from './AgreementSummary';
import type { CaseReviewSummary, ReviewRow } from './reviewSummary';

// Why: "nothing says that one annotator is in every failing pair" (issue 16). The case names its
// odd one out once; when failures are spread over the case, each structure names its own.
const row = (structureKey: string, a: string, b: string, dice: number): ReviewRow => ({
  structureKey, structureLabel: structureKey === '0' ? 'Liver' : 'Spleen', a, b, dice, hd95Mm: 1, nsd: 1, nsdToleranceMm: 1, volumeAMl: 1, volumeBMl: 1, missedLesions: null, extraLesions: null,
  verdict: dice < 0.9 ? 'escalate' : 'pass', failed: dice < 0.9 ? [{ criterion: 'minDice', threshold: 0.9, value: dice }] : [],
});
const review = (rows: ReviewRow[]) => ({
  annotationIds: ['ana', 'wei', 'chidi'],
  rows,
  structures: [
    { key: '0', label: 'Liver', verdict: 'escalate', inSop: true, segmentNumbers: new Map() },
    { key: '1', label: 'Spleen', verdict: 'escalate', inSop: true, segmentNumbers: new Map() },
  ],
}) as unknown as CaseReviewSummary;
const nameOf = (id: string) => ({ ana: 'Rivera, Ana', wei: 'Chen, Wei', chidi: 'Okafor, Chidi' })[id] ?? id;
const testIds = (html: string, testId: string) => [...html.matchAll(new RegExp(`data-testid="${testId}"[^>]*>([^<]*)<`, 'g'))].map((m) => m[1]);

test('one annotator in every failing pair of the case is named once, above the structures', () => {
  const html = renderToStaticMarkup(<AgreementSummary review={review([row('0', 'ana', 'chidi', 0.5), row('0', 'wei', 'chidi', 0.6), row('1', 'ana', 'chidi', 0.7), row('0', 'ana', 'wei', 0.95)])} nameOf={nameOf} />);
  expect(testIds(html, 'segqc-review-outlier')).toEqual(['Okafor, Chidi is in every failing pair.']);
  expect(testIds(html, 'segqc-review-structure-outlier')).toEqual([]);
});

test('failures spread over the case: each structure with an odd one out names it', () => {
  const html = renderToStaticMarkup(<AgreementSummary review={review([row('0', 'ana', 'chidi', 0.5), row('0', 'wei', 'chidi', 0.6), row('1', 'ana', 'wei', 0.7), row('1', 'wei', 'chidi', 0.8)])} nameOf={nameOf} />);
  expect(testIds(html, 'segqc-review-outlier')).toEqual([]);
  expect(testIds(html, 'segqc-review-structure-outlier')).toEqual(['Okafor, Chidi is in every failing pair of this structure.', 'Chen, Wei is in every failing pair of this structure.']);
});

test('each pair shows its verdict and why in words', () => {
  const html = renderToStaticMarkup(<AgreementSummary review={review([row('0', 'ana', 'chidi', 0.5), row('0', 'ana', 'wei', 0.95)])} nameOf={nameOf} />);
  expect(testIds(html, 'segqc-review-verdict')).toEqual(['Escalate', 'Pass']);
  expect(testIds(html, 'segqc-review-why')).toEqual(['Dice 0.50 &lt; 0.90']);
});
