// The QC overview's filters over hand-made cases.
import type { CaseSummary, CaseTriage } from '@segqc/core';
import type { OverviewCase } from './overviewCase';
import { byLabel, filterChoices, matchesFilter, NO_FILTER, NO_SOP } from './overviewFilters';

const row = (label: string, overrides: Partial<CaseSummary>): CaseSummary => ({
  studyInstanceUid: `1.2.${label}`, label, patientName: null, patientId: null, studyDate: null, studyDescription: null,
  state: 'awaiting-review', modality: 'CT', calibration: false, annotations: [], annotators: [], sops: [], references: [], qcReports: 0, unreadable: [],
  ...overrides,
});
const judged = (verdict: 'pass' | 'escalate' | 'no-thresholds'): CaseTriage => ({ kind: 'judged', verdict, sop: null, structures: [], outlier: null, excluded: [] });
const listed = (summary: CaseSummary, triage: CaseTriage | null = null): OverviewCase => ({ summary, triage, pending: false });
const cases = [
  row('ct-01', { annotators: ['Rivera^Ana', 'Chen^Wei'], sops: ['ct-lung-nodule@1.1.0'], state: 'agreed' }),
  row('ct-02', { annotators: ['Okafor^Chidi'], sops: ['ct-lung-nodule@1.0.0'], state: 'not-double-read' }),
  row('mr-01', { modality: 'MR', annotators: ['Chen^Wei'], sops: [], state: 'escalated' }),
];
const labelsOf = (overviewCases: OverviewCase[], filter: Partial<typeof NO_FILTER>) => overviewCases.filter((c) => matchesFilter(c, { ...NO_FILTER, ...filter })).map((c) => c.summary.label);
const labels = (filter: Partial<typeof NO_FILTER>) => labelsOf(cases.map((c) => listed(c)), filter);

it('no filter lets every case through', () => expect(labels({})).toEqual(['ct-01', 'ct-02', 'mr-01']));
it('by state', () => expect(labels({ state: 'escalated' })).toEqual(['mr-01']));

// Issue 14: ct-08 awaited its review while 7 of its 9 rows failed the SOP, and "Escalated" could not find it.
it('by state, a case awaiting review counts as escalated or agreed as its annotations predict', () => {
  const triaged = [
    listed(row('ct-08', { state: 'awaiting-review' }), judged('escalate')),
    listed(row('ct-09', { state: 'awaiting-review' }), judged('pass')),
    listed(row('ct-10', { state: 'awaiting-review' }), judged('no-thresholds')),
    listed(row('ct-11', { state: 'adjudicated' }), judged('escalate')),
    listed(row('mr-01', { state: 'escalated' }), judged('escalate')),
  ];
  expect(labelsOf(triaged, { state: 'escalated' })).toEqual(['ct-08', 'mr-01']);
  expect(labelsOf(triaged, { state: 'agreed' })).toEqual(['ct-09']);
  expect(labelsOf(triaged, { state: 'awaiting-review' })).toEqual(['ct-08', 'ct-09', 'ct-10']);
});

it('by agreement: the triage\'s verdict, or not compared', () => {
  const triaged = [
    listed(row('ct-08', {}), judged('escalate')),
    listed(row('ct-09', {}), judged('pass')),
    listed(row('ct-02', { state: 'not-double-read' }), { kind: 'not-double-read' }),
    listed(row('ct-03', {}), { kind: 'failed', reason: 'unreadable' }),
    listed(row('ct-04', {})),
  ];
  expect(labelsOf(triaged, { agreement: 'escalate' })).toEqual(['ct-08']);
  expect(labelsOf(triaged, { agreement: 'pass' })).toEqual(['ct-09']);
  expect(labelsOf(triaged, { agreement: 'not-compared' })).toEqual(['ct-02', 'ct-03']);
});
it('by annotator: any of the case’s annotators', () => expect(labels({ annotator: 'Chen^Wei' })).toEqual(['ct-01', 'mr-01']));
it('by modality', () => expect(labels({ modality: 'CT' })).toEqual(['ct-01', 'ct-02']));
it('by SOP version, or by no SOP recorded', () => {
  expect(labels({ sop: 'ct-lung-nodule@1.0.0' })).toEqual(['ct-02']);
  expect(labels({ sop: NO_SOP })).toEqual(['mr-01']);
});
it('filters combine', () => expect(labels({ annotator: 'Chen^Wei', modality: 'CT' })).toEqual(['ct-01']));

it('offers each value once, sorted, and "(none)" only when some case has no SOP', () => {
  expect(filterChoices(cases)).toEqual({
    annotators: ['Chen^Wei', 'Okafor^Chidi', 'Rivera^Ana'],
    modalities: ['CT', 'MR'],
    sops: ['ct-lung-nodule@1.0.0', 'ct-lung-nodule@1.1.0', NO_SOP],
  });
  expect(filterChoices(cases.slice(0, 2)).sops).toEqual(['ct-lung-nodule@1.0.0', 'ct-lung-nodule@1.1.0']);
});

it('lists cases by label, numbers by value', () => {
  const labelled = ['CT-10', 'CT-2', 'CT-CAL', 'CT-01'].map((label) => row(label, {}));
  expect([...labelled].sort(byLabel).map((c) => c.label)).toEqual(['CT-01', 'CT-2', 'CT-10', 'CT-CAL']);
});
