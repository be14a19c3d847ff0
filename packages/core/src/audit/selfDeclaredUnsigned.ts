/**
 * The VERIFIED QC reports of a case whose verifier is self-declared and that carry no signature:
 * no finding — reports written without sign-in are unsigned by design — but not a 21 CFR Part 11
 * electronic signature either, which `segqc audit verify` and the dossier say in so many words.
 * Only reports whose signatures were checked count.
 */
import type { CaseRecords } from './AuditEvent';

export const SELF_DECLARED_UNSIGNED_NOTE = 'self-declared, unsigned: not a 21 CFR Part 11 signature';

export function selfDeclaredUnsigned(records: CaseRecords): string[] {
  return records.events
    .filter((event) => event.kind === 'qc-report' && event.verification !== undefined && event.verification.authentication === undefined && event.signatures?.length === 0)
    .map((event) => event.sopInstanceUid);
}
