// The export's signature columns of a QC report or reference SEG: who signed for whom, what it means —
// with what the object approves — when, and one state for all its signatures, the worst.
import type { QcReportEvent, ReferenceSegEvent, SignatureRecord } from './AuditEvent';
import { auditCase } from './audit.fixture';
import { caseRecordsFromObjects } from './caseRecordsFromObjects';
import { signatureColumns } from './signatureColumns';

const fixture = auditCase();
const events = caseRecordsFromObjects(fixture.studyInstanceUid, fixture.objects).records.events;
const adjudication = events.find((event) => event.sopInstanceUid === fixture.uids.adjudication) as QcReportEvent;
const VALID: SignatureRecord = {
  status: 'valid', trustChecked: true, uid: '2.25.7', signedAt: '2026-12-07T18:30:05.250Z', purpose: { code: '5', meaning: 'Verification Signature' }, signer: 'SegQC Test Hospital signer',
};

test('a valid Verification Signature of an adjudication', () => {
  expect(signatureColumns({ ...adjudication, signatures: [VALID] })).toEqual({
    signedBy: 'SegQC Test Hospital signer for Singh^Priya (psingh)', meaning: 'Verification Signature: Adjudication approved', signedAt: '2026-12-07T18:30:05.250Z', signature: 'valid',
  });
});

test("a review's Verification Signature records the review; another purpose is only its meaning", () => {
  const review = { ...adjudication, observer: { ...adjudication.observer!, role: 'reviewer' as const } };
  expect(signatureColumns({ ...review, signatures: [VALID] }).meaning).toBe('Verification Signature: Review recorded');
  expect(signatureColumns({ ...review, signatures: [{ ...VALID, purpose: { code: '1', meaning: "Author's Signature" } }] }).meaning).toBe("Author's Signature");
});

test('several signatures: each listed, the state the worst of them', () => {
  const columns = signatureColumns({ ...adjudication, signatures: [VALID, { ...VALID, status: 'untrusted', uid: '2.25.8', signer: 'Rogue' }] });
  expect(columns).toMatchObject({ signedBy: 'SegQC Test Hospital signer for Singh^Priya (psingh); Rogue for Singh^Priya (psingh)', signature: 'untrusted' });
  expect(signatureColumns({ ...adjudication, signatures: [{ ...VALID, status: 'invalid' }, { ...VALID, status: 'untrusted' }] }).signature).toBe('invalid');
});

test('unsigned, and not checked', () => {
  expect(signatureColumns({ ...adjudication, signatures: [] })).toEqual({ signature: 'unsigned' });
  expect(signatureColumns(adjudication)).toEqual({});
});

test("a reference SEG's signature, for its creator: an adjudication approved, or a gold standard approved", () => {
  const referenceSeg = events.find((event) => event.sopInstanceUid === fixture.uids.referenceSeg) as ReferenceSegEvent;
  expect(signatureColumns({ ...referenceSeg, signatures: [VALID] })).toEqual({
    signedBy: 'SegQC Test Hospital signer for Singh^Priya (psingh)', meaning: 'Verification Signature: Adjudication approved', signedAt: '2026-12-07T18:30:05.250Z', signature: 'valid',
  });
  expect(signatureColumns({ ...referenceSeg, role: 'gold-standard-author', contentLabel: 'GOLD', signatures: [VALID] }).meaning).toBe('Verification Signature: Gold standard approved');
  expect(signatureColumns({ ...referenceSeg, signatures: [] })).toEqual({ signature: 'unsigned' });
});
