/**
 * The signature columns of a signed object's export row (README.md "Export columns"), a QC report's
 * or a reference SEG's: who signed (the certificate's subject CN, for the verifier or the SEG's
 * creator), what the signature means (CID 7007 purpose; for a Verification Signature also what the
 * object makes it: a review recorded, an adjudication approved, a gold standard approved), when
 * (ISO 8601) and its state: valid, untrusted, invalid or unsigned. Empty when the signatures were
 * not checked.
 */
import type { AuditPerson, QcReportEvent, ReferenceSegEvent, SignatureRecord } from './AuditEvent';

/** The export's signature columns (auditRows' AUDIT_COLUMNS lists them among the others). */
export type SignatureColumn = 'signedBy' | 'meaning' | 'signedAt' | 'signature';

const VERIFICATION_PURPOSE = '5';

/** What a Verification Signature approves: a report by the role of its observer (CID 7453), a reference SEG by its creator's role. */
const VERIFIED_AS: Readonly<Record<string, string>> = { reviewer: 'Review recorded', adjudicator: 'Adjudication approved', 'gold-standard-author': 'Gold standard approved' };

/** The worst state first: one bad signature makes the report's signature bad. */
const STATES: ReadonlyArray<SignatureRecord['status']> = ['invalid', 'untrusted', 'valid'];

export function signatureColumns(event: QcReportEvent | ReferenceSegEvent): Partial<Record<SignatureColumn, string>> {
  const { signatures } = event;
  if (signatures === undefined) return {};
  if (signatures.length === 0) return { signature: 'unsigned' };
  const signing: AuditPerson | undefined = event.kind === 'qc-report' ? event.verification : event.creator;
  const forWhom = signing?.name !== undefined ? ` for ${signing.name} (${signing.login ?? 'no login'})` : '';
  const role = event.kind === 'qc-report' ? event.observer?.role : event.role;
  return {
    signedBy: signatures.map((signature) => `${signature.signer ?? 'unknown certificate'}${forWhom}`).join('; '),
    meaning: signatures.map((signature) => meaningOf(signature, role)).join('; '),
    signedAt: signatures.map((signature) => signature.signedAt ?? '').join('; '),
    signature: STATES.find((state) => signatures.some((signature) => signature.status === state))!,
  };
}

function meaningOf(signature: SignatureRecord, role: string | undefined): string {
  const meaning = signature.purpose?.meaning ?? 'no purpose';
  const approves = signature.purpose?.code === VERIFICATION_PURPOSE && role !== undefined ? VERIFIED_AS[role] : undefined;
  return approves ? `${meaning}: ${approves}` : meaning;
}
