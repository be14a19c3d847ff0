import type { QcCaseResult, QcStructureResult } from './QcCaseResult';
import { summarizeQc, summaryText } from './qcSummary';

// Why: the summary is what a QA lead reads after a nightly run: how many cases agreed or were
// escalated, which structures cause the escalations, which cases failed and why.

const structure = (label: string, verdict: QcStructureResult['verdict']): QcStructureResult => ({ label, verdict, escalatedPairs: verdict === 'escalate' ? 1 : 0, annotations: [] });
const result = (study: string, status: QcCaseResult['status'], verdict: QcCaseResult['verdict'], structures: QcStructureResult[] = [], extra: Partial<QcCaseResult> = {}): QcCaseResult => ({
  studyInstanceUid: study, status, sourceSeriesInstanceUid: null, modality: 'CT', annotations: [], excluded: [], warnings: [], unreadable: [], sop: null, sopReason: null, state: null,
  verdict, structures, pairs: [], report: null, error: null, seconds: 1, ...extra,
});

const results = [
  result('1.1', 'reviewed', 'pass', [structure('Right lung', 'pass'), structure('Lung nodule', 'pass')], { report: { sopInstanceUid: '9.1', revises: null } }),
  result('1.2', 'reviewed', 'escalate', [structure('Right lung', 'pass'), structure('Lung nodule', 'escalate')], { report: { sopInstanceUid: '9.2', revises: null } }),
  result('1.3', 'reviewed', 'escalate', [structure('Right lung', 'escalate'), structure('Lung nodule', 'escalate')], { modality: 'MR' }),
  result('1.4', 'reviewed', 'no-thresholds', [structure('Liver', 'no-thresholds')]),
  result('1.5', 'not-double-read', null),
  result('1.6', 'failed', null, [], { error: 'the source series 1.9 has no instance in the PACS' }),
];

test('totals over judged and resumed cases; escalations per structure, most first; reports written in this run only', () => {
  expect(summarizeQc(results, new Set(['1.1', '1.3']), 12.5)).toEqual({
    cases: 6, reviewed: 4, resumed: 2, agreed: 1, escalated: 2, noThresholds: 1, notDoubleRead: 1, failed: 1,
    structures: [{ label: 'Lung nodule', cases: 3, escalated: 2 }, { label: 'Right lung', cases: 3, escalated: 1 }, { label: 'Liver', cases: 1, escalated: 0 }],
    reportsWritten: 1,
    seconds: 12.5,
  });
});

test('the summary text', () => {
  expect(summaryText(summarizeQc(results, new Set(['1.1']), 75), results, true)).toBe([
    'segqc qc: 6 cases in 1m15s',
    '  reviewed         4 (1 from --state)',
    '    agreed         1',
    '    escalated      2',
    '    no thresholds  1',
    '  not double-read  1',
    '  failed           1',
    '  escalated per structure:',
    '    Lung nodule  2 of 3 cases',
    '    Right lung   1 of 3 cases',
    '    Liver        0 of 1 case',
    '  escalated cases:',
    '    1.2  CT  Lung nodule',
    '    1.3  MR  Right lung, Lung nodule',
    '  failed cases:',
    '    1.6  the source series 1.9 has no instance in the PACS',
    '  QC reports stored: 1',
    '',
  ].join('\n'));
});

test('annotations left out of a case are listed by study, name and SEG, with why: never dropped in silence', () => {
  const withExcluded = [result('1.8', 'reviewed', 'pass', [], { excluded: [{ id: 'Lungs (unattributed)', sopInstanceUid: '2.25.77', reason: 'was drawn on series 2.25.5, not on the compared series 2.25.4' }] })];
  expect(summaryText(summarizeQc(withExcluded, new Set(), 1), withExcluded, false).split('\n').slice(-3)).toEqual([
    '  annotations left out:',
    '    1.8  Lungs (unattributed) (SEG 2.25.77)  was drawn on series 2.25.5, not on the compared series 2.25.4',
    '',
  ]);
});

test('objects the inventory could not read are listed by study, modality and UID, with why', () => {
  const withUnreadable = [result('1.7', 'reviewed', 'pass', [], { unreadable: [{ sopInstanceUid: '2.25.666', seriesInstanceUid: '2.25.66', modality: 'SR', reason: 'TransferSyntaxUID: deflated transfer syntax is refused' }] })];
  expect(summaryText(summarizeQc(withUnreadable, new Set(), 1), withUnreadable, false).split('\n').slice(-3)).toEqual([
    '  unreadable objects:',
    '    1.7  SR 2.25.666  TransferSyntaxUID: deflated transfer syntax is refused',
    '',
  ]);
});

test('labels and reasons from the PACS print without their control characters (ESC [2J, OSC … BEL, U+009B, line breaks)', () => {
  const hostile = [
    result('1.8', 'reviewed', 'escalate', [structure('Lung\u001b[2J nodule', 'escalate')]),
    result('1.9', 'failed', null, [], { error: 'Evil\u001b]0;title\u0007\u009b31m^Name\nsegqc qc: 0 failed' }),
  ];
  const text = summaryText(summarizeQc(hostile, new Set(), 1), hostile, false);
  expect(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text)).toBe(false);
  expect(text).toContain('    Lung[2J nodule  1 of 1 case\n');
  expect(text).toContain('    1.9  Evil]0;title31m^Name segqc qc: 0 failed\n');
});
