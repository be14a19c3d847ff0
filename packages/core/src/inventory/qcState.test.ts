import { syntheticReportInit } from '../sr/syntheticReport.fixture';
import type { QcReportInit } from '../sr/QcReport';
import { isSignedAdjudication, qcStateOf } from './qcState';

// Why: the QC overview filters cases by these states; each rule of CaseInventory's QcState is
// checked on reports as the reviewer and the adjudicator write them (the latest decision stands).

const SIGNATURE = { name: 'Okafor^Chidi', login: 'cokafor', organization: 'Demo Hospital', dateTime: '20260303120000' };

/** The synthetic report (Right lung agreed, Lung nodule escalated) with the given outcomes. */
function report(instanceNumber: number, outcomes: Array<'agreed' | 'escalated' | 'majority' | null>, extra: Partial<QcReportInit> = {}): QcReportInit {
  const base = syntheticReportInit();
  return {
    ...base,
    instanceNumber,
    structures: base.structures.map((structure, n) => {
      const { decision: _decision, ...undecided } = structure;
      const outcome = outcomes[n];
      return outcome === null ? undecided : { ...undecided, decision: { outcome } };
    }),
    ...extra,
  };
}
const adjudication = (n: number, signed = true) => report(n, ['agreed', 'majority'], {
  observer: { name: 'Okafor^Chidi', login: 'cokafor', role: 'adjudicator' },
  ...(signed ? { verification: SIGNATURE } : {}),
});

test('fewer than two annotations of the compared series: not double-read, whatever the reports say', () => {
  expect(qcStateOf(0, [])).toBe('not-double-read');
  expect(qcStateOf(1, [report(1, ['agreed', 'agreed'])])).toBe('not-double-read');
});

test('two or more annotations and no report, or reports that decide nothing: awaiting review', () => {
  expect(qcStateOf(2, [])).toBe('awaiting-review');
  expect(qcStateOf(3, [report(1, [null, null])])).toBe('awaiting-review');
});

test('the latest review decides: all agreed, or escalated when any structure is', () => {
  expect(qcStateOf(2, [report(1, ['agreed', 'agreed'])])).toBe('agreed');
  expect(qcStateOf(2, [report(1, ['agreed', 'escalated'])])).toBe('escalated');
  expect(qcStateOf(2, [report(1, ['agreed', 'escalated']), report(2, ['agreed', 'agreed'])])).toBe('agreed');
  expect(qcStateOf(2, [report(1, ['agreed', 'agreed']), report(2, ['escalated', 'agreed'])])).toBe('escalated');
  // A later report that decides nothing does not undo the decision before it.
  expect(qcStateOf(2, [report(1, ['agreed', 'escalated']), report(2, [null, null])])).toBe('escalated');
});

test('a structure left undecided (no thresholds) keeps the case awaiting review unless another is escalated', () => {
  expect(qcStateOf(2, [report(1, ['agreed', null])])).toBe('awaiting-review');
  expect(qcStateOf(2, [report(1, [null, 'escalated'])])).toBe('escalated');
});

test('a signed adjudication after the escalation: adjudicated, and a later review of the same SEGs does not reopen the case', () => {
  expect(qcStateOf(3, [report(1, ['agreed', 'escalated']), adjudication(2)])).toBe('adjudicated');
  expect(qcStateOf(3, [report(1, ['agreed', 'escalated']), adjudication(2), report(3, ['escalated', 'agreed'])])).toBe('adjudicated');
  expect(qcStateOf(3, [report(1, ['agreed', 'escalated']), adjudication(2), report(3, ['agreed', 'agreed'])])).toBe('adjudicated');
});

test('a review judging a SEG the adjudication did not (a new reading) decides again; a newer adjudication closes it again', () => {
  const newReading = (n: number, outcomes: Array<'agreed' | 'escalated'>) => {
    const r = report(n, outcomes);
    return { ...r, structures: r.structures.map((structure) => ({ ...structure, annotations: structure.annotations.map((a, i) => (i === 0 ? { ...a, segment: { ...a.segment, sopInstanceUid: '1.2.826.0.1.3680043.8.498.999' } } : a)) })) };
  };
  expect(qcStateOf(3, [report(1, ['agreed', 'escalated']), adjudication(2), newReading(3, ['escalated', 'agreed'])])).toBe('escalated');
  expect(qcStateOf(3, [report(1, ['agreed', 'escalated']), adjudication(2), newReading(3, ['agreed', 'agreed'])])).toBe('agreed');
  expect(qcStateOf(3, [report(1, ['agreed', 'escalated']), adjudication(2), newReading(3, ['escalated', 'agreed']), adjudication(4)])).toBe('adjudicated');
});

test("an adjudicator's unsigned report is not an adjudication in force", () => {
  expect(isSignedAdjudication(adjudication(2, false))).toBe(false);
  expect(isSignedAdjudication(adjudication(2))).toBe(true);
  // Signed by a reviewer: a signed review, not an adjudication.
  expect(isSignedAdjudication(report(2, ['agreed', 'agreed'], { verification: SIGNATURE }))).toBe(false);
  expect(qcStateOf(3, [report(1, ['agreed', 'escalated']), adjudication(2, false)])).toBe('awaiting-review');
});
