import { AUDIT_FINDING_KINDS, selfDeclaredUnsigned, type AuditFinding, type AuditFindingKind, type CaseRecords, type QcReportEvent } from '@segqc/core';

export interface CaseVerification {
  studyInstanceUid: string;
  /** What `segqc audit verify` found in the case; none: "no finding". */
  findings: AuditFinding[];
}

export interface VerificationSummary {
  /** The journal of writes checked against (`--journal`): its records, or null records when its chain is broken and it was not used. */
  journal: { file: string; records: number | null } | null;
  /** The trust store signatures' certificates were checked against; null: signatures are checked, their certificates are not. */
  trustStore: string | null;
  cases: CaseVerification[];
  /** Findings of every case by kind, in AUDIT_FINDING_KINDS order, kinds with none left out. */
  byKind: Array<{ kind: AuditFindingKind; findings: number }>;
}

/** A VERIFIED QC report (an adjudication's sign-off) whose verifier is self-declared and that carries no signature (core selfDeclaredUnsigned). */
export interface SelfDeclaredAdjudication {
  studyInstanceUid: string;
  sopInstanceUid: string;
  /** The verifier as the report records them, and when they verified. */
  name: string;
  login: string;
  verifiedAt: string;
}

export function verificationSummary(cases: CaseVerification[], journal: VerificationSummary['journal'], trustStore: string | null): VerificationSummary {
  const all = cases.flatMap((c) => c.findings);
  const byKind = AUDIT_FINDING_KINDS.map((kind) => ({ kind, findings: all.filter((finding) => finding.kind === kind).length })).filter((entry) => entry.findings > 0);
  return { journal, trustStore, cases, byKind };
}

/** The sign-offs that rest on a typed name and no signature, as `segqc audit verify` notes them, in the trail's order. */
export function selfDeclaredAdjudications(cases: readonly CaseRecords[]): SelfDeclaredAdjudication[] {
  return cases.flatMap((records) => {
    const unsigned = new Set(selfDeclaredUnsigned(records));
    return records.events
      .filter((event): event is QcReportEvent & { verification: NonNullable<QcReportEvent['verification']> } => event.kind === 'qc-report' && unsigned.has(event.sopInstanceUid) && event.verification !== undefined)
      .map((event) => ({
        studyInstanceUid: records.studyInstanceUid, sopInstanceUid: event.sopInstanceUid,
        name: event.verification.name, login: event.verification.login, verifiedAt: event.verification.dateTime,
      }));
  });
}
