import type { QcReportInit } from '@segqc/core';
import type { StoredQcReport } from '../review/qcReportsOfStudy';
import { adjudicationOnRecord } from './adjudicationOnRecord';
import { outcomeText, signedAtText } from './AdjudicationRecordView';

// After a reload the panel shows the signed adjudication from the verified report in the PACS
// (issue 16): who signed, when, and per structure the reference and the reasons, "other" with its words.
const member = (annotation: 'A' | 'B', annotatorName?: string) => ({ annotation, ...(annotatorName ? { annotatorName } : {}) });
const report = {
  verification: { name: 'Singh^Priya', login: 'psingh', organization: 'Demo', dateTime: '20261208012345.123+0100' },
  structures: [
    { label: 'Right lung', annotations: [member('A', 'Rivera^Ana'), member('B', 'Chen^Wei')], decision: { outcome: 'accepted', acceptedAnnotation: 'B', reasons: [{ reason: 'overSegmentation' }] } },
    { label: 'Lung nodule', annotations: [member('A'), member('B')], decision: { outcome: 'accepted', acceptedAnnotation: 'A', reasons: [{ reason: 'other', text: 'calcified' }] } },
    { label: 'Left lung', annotations: [member('A'), member('B')], decision: { outcome: 'staple' } },
    { label: 'Trachea', annotations: [member('A')] },
  ],
} as unknown as QcReportInit;
const stored = { sopInstanceUid: '2.25.1', seriesInstanceUid: '2.25.2', instanceNumber: 2, report, bytes: new Uint8Array() } as StoredQcReport;

test('the record names the signer, the time as signed, and each decided structure', () => {
  const record = adjudicationOnRecord(stored);
  expect(record).toEqual({
    reportSopInstanceUid: '2.25.1',
    instanceNumber: 2,
    adjudicator: 'Singh^Priya',
    login: 'psingh',
    signedAt: '20261208012345.123+0100',
    decisions: [
      { structure: 'Right lung', outcome: 'accepted', accepted: 'Chen, Wei', reasons: [{ reason: 'overSegmentation' }] },
      { structure: 'Lung nodule', outcome: 'accepted', accepted: 'A', reasons: [{ reason: 'other', text: 'calcified' }] },
      { structure: 'Left lung', outcome: 'staple', reasons: [] },
    ],
  });
  expect(record.decisions.map(outcomeText)).toEqual(['Accepted Chen, Wei', 'Accepted A', 'STAPLE consensus']);
  expect(signedAtText(record.signedAt)).toBe('2026-12-08 01:23:45+0100');
});

test('an unverified report is no signed adjudication', () => {
  expect(() => adjudicationOnRecord({ ...stored, report: { ...report, verification: undefined } })).toThrow(/is not verified/);
});
