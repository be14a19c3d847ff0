/**
 * The DICOM Digital Signatures of a case's QC reports (checked when the records were read:
 * QcReportEvent.signatures), verified for `segqc audit verify`:
 * - a signature that does not verify is `signature-invalid`; one whose certificate the trust store
 *   does not vouch for at the signing time `signature-untrusted`;
 * - a VERIFIED report whose verifier is recorded as authenticated, or whose journal record names a
 *   signature, but that carries none is `signature-missing` (a self-declared VERIFIED report is
 *   unsigned by design: see selfDeclaredUnsigned);
 * - a signature that does not verify on this report and whose Digital Signature UID is on another
 *   report of the case, or is the one the journal recorded for another object, is
 *   `signature-copied`: its items were taken from that report (the SOP Instance UID and content it
 *   signs are that report's). A copy whose original is neither in the case nor journaled cannot be
 *   told from any other signature that does not verify: it is `signature-invalid`.
 * Against the gateway's journal of writes (the latest record of the report):
 * - a signature other than the one the journal recorded is `signature-not-journaled`, unless the
 *   report is byte for byte what the journal recorded the gateway forwarding: then it came in with
 *   the report (a batch signed with a key file, `segqc adjudicate --signing-key`), not behind it;
 * - the journaled signature's standard-stream SHA-256 must be that of the report as retrieved, else —
 *   when the signature itself verifies — `signed-content-changed` (what DCMTK's stream leaves out was
 *   changed: signature/README.md);
 * - the journal's user (login; issuer and subject when the report records them) must be the report's
 *   verifier, else `signer-not-observer`.
 * Reports whose signatures were not checked give no finding here.
 */
import type { CaseRecords, QcReportEvent, ReportSignatureRecord, RetrievedObjects } from './AuditEvent';
import type { AuditFinding } from './AuditFinding';
import type { JournalRecord } from './journalRecords';

export function signatureFindings(records: CaseRecords, journal: readonly JournalRecord[] | null, retrieved?: RetrievedObjects): AuditFinding[] {
  const reports = records.events.filter((event): event is QcReportEvent & { signatures: ReportSignatureRecord[] } => event.kind === 'qc-report' && event.signatures !== undefined);
  const carriers = new Map<string, string[]>();
  for (const report of reports) for (const signature of report.signatures) if (signature.uid !== undefined) carriers.set(signature.uid, [...(carriers.get(signature.uid) ?? []), report.sopInstanceUid]);
  const latest = new Map<string, JournalRecord>();
  const journaledFor = new Map<string, string>();
  for (const record of journal ?? []) {
    latest.set(record.sopInstanceUid, record);
    if (record.signature) journaledFor.set(record.signature.uid, record.sopInstanceUid);
  }

  const findings: AuditFinding[] = [];
  for (const report of reports) {
    const uid = report.sopInstanceUid;
    const finding = (kind: AuditFinding['kind'], message: string, more: Partial<AuditFinding> = {}) =>
      findings.push({ kind, studyInstanceUid: records.studyInstanceUid, sopInstanceUid: uid, object: 'QC report', referencedBy: [], message, ...more });
    const record = latest.get(uid);
    const journaled = record?.signature ?? undefined;
    const asForwarded = record !== undefined && retrieved?.get(uid)?.sha256 === record.sha256;

    if (report.signatures.length === 0) {
      if (report.verification?.authentication) {
        finding('signature-missing', `QC report ${uid} is VERIFIED by an authenticated verifier (${report.verification.authentication.issuer}, subject ${report.verification.authentication.subject}) but carries no Digital Signature`);
      } else if (journaled) {
        finding('signature-missing', `QC report ${uid} carries no Digital Signature; the journal records that the gateway signed it (signature ${journaled.uid}, journal record ${record!.seq})`, { signatureUid: journaled.uid });
      }
      continue;
    }
    for (const signature of report.signatures) {
      const signatureUid = signature.uid ?? '(no Digital Signature UID)';
      const naming = { signatureUid };
      const original = signature.uid === undefined ? undefined : originalCarrier(signature.uid, uid, carriers, journaledFor);
      if (signature.status === 'invalid' && original !== undefined) {
        finding('signature-copied', `QC report ${uid} carries signature ${signatureUid} of ${original}: it does not verify on this report (${signature.reason})`, naming);
        continue;
      }
      if (signature.status === 'invalid') finding('signature-invalid', `QC report ${uid}: signature ${signatureUid} does not verify: ${signature.reason}`, naming);
      if (signature.status === 'untrusted') finding('signature-untrusted', `QC report ${uid}: signature ${signatureUid} is not trusted: ${signature.reason}`, naming);
      if (!record) continue; // unjournaled: journalFindings says so
      if (journaled === undefined || journaled.uid !== signature.uid) {
        if (asForwarded) continue;
        finding('signature-not-journaled', `QC report ${uid}: signature ${signatureUid} is not the one the journal records for it (${journaled ? `signature ${journaled.uid}` : 'stored unsigned'}, journal record ${record.seq})`, naming);
        continue;
      }
      // A signature that does not verify already says its content changed; one that verifies over DCMTK's stream says nothing of the rest.
      if (signature.status !== 'invalid' && signature.standardStreamSha256 !== journaled.standardStreamSha256) {
        finding('signed-content-changed', `QC report ${uid}: the content signature ${signatureUid} signs changed since the gateway signed it: its standard MAC stream's SHA-256 is ${signature.standardStreamSha256 ?? '(none)'}, the journal recorded ${journaled.standardStreamSha256} (journal record ${record.seq})`, {
          ...naming, recordedSha256: journaled.standardStreamSha256, ...(signature.standardStreamSha256 !== undefined ? { currentSha256: signature.standardStreamSha256 } : {}),
        });
      }
      const mismatch = signerMismatch(report, record);
      if (mismatch) finding('signer-not-observer', `QC report ${uid}: signature ${signatureUid} was made for ${mismatch.signer}, the report's verifier is ${mismatch.verifier} (journal record ${record.seq})`, naming);
    }
  }
  return findings;
}

/** Where a signature UID belongs when not to `report`: another report of the case, or the object the journal recorded it for. */
function originalCarrier(signatureUid: string, report: string, carriers: ReadonlyMap<string, string[]>, journaledFor: ReadonlyMap<string, string>): string | undefined {
  const other = carriers.get(signatureUid)?.find((carrier) => carrier !== report);
  if (other !== undefined) return `QC report ${other}`;
  const journaled = journaledFor.get(signatureUid);
  return journaled !== undefined && journaled !== report ? `object ${journaled} (as the journal records)` : undefined;
}

/** The journal's user and the report's verifier (the observer when it records no verifier), when they differ. */
function signerMismatch(report: QcReportEvent, record: JournalRecord): { signer: string; verifier: string } | undefined {
  const verifier = report.verification ?? report.observer;
  const signer = `login ${record.login ?? '(none)'}${record.subject !== null ? ` (subject ${record.subject})` : ''}`;
  if (!verifier) return { signer, verifier: 'not recorded' };
  const authentication = verifier.authentication;
  const same = record.login === verifier.login
    && (authentication === undefined || (authentication.issuer === record.issuer && authentication.subject === record.subject));
  return same ? undefined : { signer, verifier: `login ${verifier.login ?? '(none)'}${authentication ? ` (subject ${authentication.subject})` : ''}` };
}
