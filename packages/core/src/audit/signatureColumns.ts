/**
 * The signature columns of a QC report's export row (README.md "Export columns"): who signed
 * (the certificate's subject CN, for the verifier), what the signature means (CID 7007 purpose; for
 * a Verification Signature also what the report's kind makes it: a review recorded, an
 * adjudication approved), when (ISO 8601) and its state: valid, untrusted, invalid or unsigned.
 * Empty when the signatures were not checked.
 */
import type { QcReportEvent, ReportSignatureRecord } from './AuditEvent';

/** The export's signature columns (auditRows' AUDIT_COLUMNS lists them among the others). */
export type SignatureColumn = 'signedBy' | 'meaning' | 'signedAt' | 'signature';

const VERIFICATION_PURPOSE = '5';

/** What a Verification Signature approves, by the role of the report's observer (CID 7453). */
const VERIFIED_AS: Readonly<Record<string, string>> = { reviewer: 'Review recorded', adjudicator: 'Adjudication approved' };

/** The worst state first: one bad signature makes the report's signature bad. */
const STATES: ReadonlyArray<ReportSignatureRecord['status']> = ['invalid', 'untrusted', 'valid'];

export function signatureColumns(report: QcReportEvent): Partial<Record<SignatureColumn, string>> {
  const { signatures } = report;
  if (signatures === undefined) return {};
  if (signatures.length === 0) return { signature: 'unsigned' };
  const verifier = report.verification ? ` for ${report.verification.name} (${report.verification.login})` : '';
  return {
    signedBy: signatures.map((signature) => `${signature.signer ?? 'unknown certificate'}${verifier}`).join('; '),
    meaning: signatures.map((signature) => meaningOf(signature, report)).join('; '),
    signedAt: signatures.map((signature) => signature.signedAt ?? '').join('; '),
    signature: STATES.find((state) => signatures.some((signature) => signature.status === state))!,
  };
}

function meaningOf(signature: ReportSignatureRecord, report: QcReportEvent): string {
  const meaning = signature.purpose?.meaning ?? 'no purpose';
  const approves = signature.purpose?.code === VERIFICATION_PURPOSE && report.observer ? VERIFIED_AS[report.observer.role] : undefined;
  return approves ? `${meaning}: ${approves}` : meaning;
}
