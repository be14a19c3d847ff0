// Which VERIFIED reports are self-declared and unsigned: said, never a finding.
import type { CaseRecords, QcReportEvent } from './AuditEvent';
import { auditCase, SIGN_INS } from './audit.fixture';
import { caseRecordsFromObjects } from './caseRecordsFromObjects';
import { selfDeclaredUnsigned } from './selfDeclaredUnsigned';

const fixture = auditCase();
const { records } = caseRecordsFromObjects(fixture.studyInstanceUid, fixture.objects);
const withSignatures = (change: (report: QcReportEvent) => QcReportEvent): CaseRecords => ({
  ...records, events: records.events.map((event) => (event.kind === 'qc-report' ? change(event) : event)),
});

test("the fixture's adjudication (Singh, self-declared, VERIFIED, unsigned) and not the review (not VERIFIED)", () => {
  expect(selfDeclaredUnsigned(withSignatures((report) => ({ ...report, signatures: [] })))).toEqual([fixture.uids.adjudication]);
});

test('not when signed, when the verifier is authenticated, or when the signatures were not checked', () => {
  const signed = { status: 'valid' as const, trustChecked: false, uid: '2.25.1' };
  expect(selfDeclaredUnsigned(withSignatures((report) => ({ ...report, signatures: [signed] })))).toEqual([]);
  expect(selfDeclaredUnsigned(withSignatures((report) => ({
    ...report, signatures: [], ...(report.verification ? { verification: { ...report.verification, authentication: SIGN_INS.lindqvist } } : {}),
  })))).toEqual([]);
  expect(selfDeclaredUnsigned(records)).toEqual([]);
});
