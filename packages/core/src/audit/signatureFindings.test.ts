// The signature findings of a case from its reports' checked signatures and the journal of writes:
// each kind from the records that make it, one per report and signature, naming both; none for a
// self-declared unsigned report or for reports whose signatures were not checked.
import type { AuditEvent, CaseRecords, QcReportEvent, ReferenceSegEvent, SignatureRecord } from './AuditEvent';
import { auditCase, SIGN_INS } from './audit.fixture';
import { caseRecordsFromObjects } from './caseRecordsFromObjects';
import { nextJournalRecord, type JournalEntry, type JournalRecord } from './journalRecords';
import { signatureFindings } from './signatureFindings';

const fixture = auditCase();
const { records } = caseRecordsFromObjects(fixture.studyInstanceUid, fixture.objects);
const base = records.events.find((event) => event.sopInstanceUid === fixture.uids.adjudication) as QcReportEvent;
/** Singh's adjudication as if Singh had signed in: the verifier authenticated. */
const AUTHENTICATED = { ...base, verification: { ...base.verification!, authentication: SIGN_INS.lindqvist } };
const SIGNATURE: SignatureRecord = { status: 'valid', trustChecked: true, uid: '2.25.100', signedAt: '2026-12-07T18:30:05.250Z', standardStreamSha256: 'a'.repeat(64) };

const caseOf = (...reports: QcReportEvent[]): CaseRecords => ({ ...records, events: reports });
const report = (sopInstanceUid: string, signatures: SignatureRecord[] | undefined, of: QcReportEvent = AUTHENTICATED): QcReportEvent =>
  ({ ...of, sopInstanceUid, ...(signatures !== undefined ? { signatures } : {}) });
function journal(...entries: Array<Partial<JournalEntry> & { sopInstanceUid: string }>): JournalRecord[] {
  const out: JournalRecord[] = [];
  for (const entry of entries) {
    out.push(nextJournalRecord({
      at: '2026-12-07T18:30:06.000Z', issuer: SIGN_INS.lindqvist.issuer, subject: SIGN_INS.lindqvist.subject, login: 'psingh', roles: ['adjudicator'],
      studyInstanceUid: fixture.studyInstanceUid, seriesInstanceUid: base.seriesInstanceUid, sopClassUid: base.sopClassUid, sha256: 'b'.repeat(64), pacsStatus: 200,
      signature: { uid: '2.25.100', purpose: '5', signedAt: '20261207183005.250000+0000', authenticatedAt: '2026-12-07T18:29:00.000Z', standardStreamSha256: 'a'.repeat(64) },
      ...entry,
    }, out[out.length - 1]));
  }
  return out;
}
const kinds = (found: ReturnType<typeof signatureFindings>) => found.map((finding) => [finding.kind, finding.sopInstanceUid, finding.signatureUid]);

test('valid, self-declared unsigned, and not checked: no finding', () => {
  expect(signatureFindings(caseOf(report('2.25.1', [SIGNATURE]), report('2.25.2', [], base), report('2.25.3', undefined)), null)).toEqual([]);
});

test('an unsigned review by a signed-in reviewer (not VERIFIED) is no finding: only a verified report is signed', () => {
  const { verification: _verified, ...unverified } = base;
  const review = { ...unverified, observer: { ...base.observer!, role: 'reviewer' as const, authentication: SIGN_INS.lindqvist } };
  expect(signatureFindings(caseOf(report('2.25.5', [], review)), null)).toEqual([]);
});

test('invalid and untrusted signatures, each with its reason', () => {
  const found = signatureFindings(caseOf(
    report('2.25.1', [{ ...SIGNATURE, status: 'invalid', reason: 'the signature does not match the signed data' }]),
    report('2.25.2', [{ ...SIGNATURE, uid: '2.25.200', status: 'untrusted', reason: 'its certificate "CN=X" was not issued by a certificate of the trust store' }]),
  ), null);
  expect(found.map((finding) => finding.message)).toEqual([
    'QC report 2.25.1: signature 2.25.100 does not verify: the signature does not match the signed data',
    'QC report 2.25.2: signature 2.25.200 is not trusted: its certificate "CN=X" was not issued by a certificate of the trust store',
  ]);
  expect(found[0]).toMatchObject({ kind: 'signature-invalid', studyInstanceUid: fixture.studyInstanceUid, object: 'QC report', referencedBy: [] });
});

test('unsigned although the verifier signed in, or although the journal says the gateway signed it: signature-missing', () => {
  expect(kinds(signatureFindings(caseOf(report('2.25.1', [])), null))).toEqual([['signature-missing', '2.25.1', undefined]]);
  const found = signatureFindings(caseOf(report('2.25.2', [], base)), journal({ sopInstanceUid: '2.25.2' }));
  expect(found.map((finding) => finding.message)).toEqual(['QC report 2.25.2 carries no Digital Signature; the journal records that the gateway signed it (signature 2.25.100, journal record 1)']);
});

test("a signature that does not verify and is another report's, in the case or in the journal: signature-copied, not invalid", () => {
  const copied = { ...SIGNATURE, status: 'invalid' as const, reason: 'the signature does not match the signed data' };
  expect(kinds(signatureFindings(caseOf(report('2.25.1', [SIGNATURE]), report('2.25.2', [copied])), null))).toEqual([['signature-copied', '2.25.2', '2.25.100']]);
  const found = signatureFindings(caseOf(report('2.25.2', [copied])), journal({ sopInstanceUid: '2.25.1' }));
  expect(found.map((finding) => finding.message)).toEqual(['QC report 2.25.2 carries signature 2.25.100 of object 2.25.1 (as the journal records): it does not verify on this report (the signature does not match the signed data)']);
});

test('against the journal: another signature, changed content beyond what was verified, another signer', () => {
  const stored = report('2.25.1', [SIGNATURE]);
  expect(signatureFindings(caseOf(stored), journal({ sopInstanceUid: '2.25.1' }))).toEqual([]);
  expect(kinds(signatureFindings(caseOf(stored), journal({ sopInstanceUid: '2.25.1', signature: null })))).toEqual([['signature-not-journaled', '2.25.1', '2.25.100']]);
  // Unless the report is byte for byte what the gateway forwarded: the signature came in with it (a key-file batch), not behind it.
  const retrieved = (sha256: string) => new Map([['2.25.1', { studyInstanceUid: fixture.studyInstanceUid, seriesInstanceUid: base.seriesInstanceUid, sopInstanceUid: '2.25.1', kind: 'qc-report' as const, sha256 }]]);
  expect(signatureFindings(caseOf(stored), journal({ sopInstanceUid: '2.25.1', signature: null }), retrieved('b'.repeat(64)))).toEqual([]);
  expect(kinds(signatureFindings(caseOf(stored), journal({ sopInstanceUid: '2.25.1', signature: null }), retrieved('d'.repeat(64))))).toEqual([['signature-not-journaled', '2.25.1', '2.25.100']]);
  const changed = signatureFindings(caseOf(report('2.25.1', [{ ...SIGNATURE, standardStreamSha256: 'c'.repeat(64) }])), journal({ sopInstanceUid: '2.25.1' }));
  expect(changed).toEqual([expect.objectContaining({ kind: 'signed-content-changed', recordedSha256: 'a'.repeat(64), currentSha256: 'c'.repeat(64) })]);
  // A signature that does not verify is that finding alone: it already says the signed content changed.
  expect(kinds(signatureFindings(caseOf(report('2.25.1', [{ ...SIGNATURE, status: 'invalid', reason: 'x', standardStreamSha256: 'c'.repeat(64) }])), journal({ sopInstanceUid: '2.25.1' }))))
    .toEqual([['signature-invalid', '2.25.1', '2.25.100']]);
  const other = signatureFindings(caseOf(stored), journal({ sopInstanceUid: '2.25.1', login: 'mallory', subject: 'mallory-1' }));
  expect(other.map((finding) => finding.message)).toEqual([
    "QC report 2.25.1: signature 2.25.100 was made for login mallory (subject mallory-1), the report's verifier is login psingh (subject mlindqvist-01) (journal record 1)",
  ]);
});

test('the latest journal record of the report counts; a report the journal never saw is left to journalFindings', () => {
  const stored = report('2.25.1', [SIGNATURE]);
  expect(signatureFindings(caseOf(stored), journal({ sopInstanceUid: '2.25.1', signature: null }, { sopInstanceUid: '2.25.1' }))).toEqual([]);
  expect(signatureFindings(caseOf(stored), journal({ sopInstanceUid: '2.25.9' }))).toEqual([]);
});

describe('reference SEGs, signed as the reports are', () => {
  const segBase = records.events.find((event) => event.sopInstanceUid === fixture.uids.referenceSeg) as ReferenceSegEvent;
  /** Singh's reference SEG as if Singh had signed in: the creator authenticated. */
  const authenticatedSeg = { ...segBase, creator: { ...segBase.creator, login: 'psingh', authentication: SIGN_INS.lindqvist } };
  const seg = (sopInstanceUid: string, signatures: SignatureRecord[] | undefined, of: ReferenceSegEvent = authenticatedSeg): ReferenceSegEvent =>
    ({ ...of, sopInstanceUid, ...(signatures !== undefined ? { signatures } : {}) });
  const segCase = (...events: AuditEvent[]): CaseRecords => ({ ...records, events });

  test('valid or self-declared unsigned: no finding; unsigned although its creator signed in: signature-missing, named a SEG', () => {
    expect(signatureFindings(segCase(seg('2.25.7', [SIGNATURE]), seg('2.25.8', [], segBase)), null)).toEqual([]);
    const [missing, ...more] = signatureFindings(segCase(seg('2.25.9', [])), null);
    expect(more).toEqual([]);
    expect(missing).toMatchObject({
      kind: 'signature-missing', object: 'SEG', sopInstanceUid: '2.25.9',
      message: `reference SEG 2.25.9 was made by an authenticated creator (${SIGN_INS.lindqvist.issuer}, subject ${SIGN_INS.lindqvist.subject}) but carries no Digital Signature`,
    });
  });

  test("a report's signature copied onto a reference SEG is signature-copied, naming the report", () => {
    const copied = { ...SIGNATURE, status: 'invalid' as const, reason: 'the signature does not match the signed data' };
    const found = signatureFindings(segCase(report('2.25.1', [SIGNATURE]), seg('2.25.9', [copied])), null);
    expect(found.map((finding) => [finding.kind, finding.object, finding.message])).toEqual([
      ['signature-copied', 'SEG', 'reference SEG 2.25.9 carries signature 2.25.100 of QC report 2.25.1: it does not verify on this SEG (the signature does not match the signed data)'],
    ]);
  });

  test("signed for someone other than the SEG's creator, as the journal records: signer-not-observer", () => {
    const found = signatureFindings(segCase(seg('2.25.9', [SIGNATURE])), journal({ sopInstanceUid: '2.25.9', login: 'mallory', subject: 'subject-of-mallory' }));
    expect(found.map((finding) => [finding.kind, finding.message])).toEqual([
      ['signer-not-observer', `reference SEG 2.25.9: signature 2.25.100 was made for login mallory (subject subject-of-mallory), the SEG's creator is login psingh (subject ${SIGN_INS.lindqvist.subject}) (journal record 1)`],
    ]);
  });
});
