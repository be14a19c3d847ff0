/**
 * What `segqc audit verify` reports about a case (verifyCase): an object that changed since a QC
 * report recorded it, an object a report refers to that the PACS no longer has, a predecessor chain
 * that is broken, an object of the case that cannot be read; and, against the gateway's journal of
 * writes, an object the journal recorded that the PACS no longer has or holds changed, and a SEG or
 * SR the PACS holds that no write through the gateway put there (`unjournaled`); and the DICOM Digital
 * Signatures of QC reports (signatureFindings): one that does not verify (`signature-invalid`),
 * whose certificate the trust store does not vouch for at the signing time (`signature-untrusted`),
 * a VERIFIED report of an authenticated verifier without one (`signature-missing`), one taken from
 * another report (`signature-copied`), and against the journal: a signature the gateway did not
 * record for the object (`signature-not-journaled`), signed content changed where DCMTK's stream
 * does not reach (`signed-content-changed`), a signer who is not the report's verifier
 * (`signer-not-observer`). Messages name objects by UID only: no patient identifiers.
 */
export type AuditFindingKind =
  | 'changed' | 'missing' | 'broken-chain' | 'unreadable' | 'unjournaled'
  | 'signature-invalid' | 'signature-untrusted' | 'signature-missing' | 'signature-copied'
  | 'signature-not-journaled' | 'signed-content-changed' | 'signer-not-observer';

export const AUDIT_FINDING_KINDS: readonly AuditFindingKind[] = Object.freeze([
  'changed', 'missing', 'broken-chain', 'unreadable', 'unjournaled',
  'signature-invalid', 'signature-untrusted', 'signature-missing', 'signature-copied',
  'signature-not-journaled', 'signed-content-changed', 'signer-not-observer',
] as const);

export interface AuditFinding {
  kind: AuditFindingKind;
  studyInstanceUid: string;
  /** The object at fault: the changed or missing SEG or image, the missing or wrong predecessor, a report of a cycle, the unreadable object, the report whose signature is at fault. */
  sopInstanceUid: string;
  /** What the object is (was recorded as). */
  object: 'SEG' | 'image' | 'QC report' | 'predecessor' | 'SR';
  /** The QC reports that refer to it, in time order (none for a finding of the journal). */
  referencedBy: string[];
  /** changed: the SHA-256 the reports recorded and the one computed from the PACS's bytes now. */
  recordedSha256?: string;
  currentSha256?: string;
  /** Signature findings: the Digital Signature UID (0400,0100) at fault. */
  signatureUid?: string;
  /** One sentence, UIDs only. */
  message: string;
}
