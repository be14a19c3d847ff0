import { journalFindings, signatureFindings, verifyCase, type AuditFinding, type CaseRecords, type JournalRecord, type RetrievedObjects } from '@segqc/core';

/**
 * What `segqc audit verify` finds in one case: its audit trail against what the PACS holds now
 * (core verifyCase), the QC reports' DICOM Digital Signatures when the records were read with a
 * SignatureChecker (signatureFindings) and, given the gateway's journal of writes, against the
 * journal. One definition, so that the QC dossier reports exactly what verify reports.
 */
export function caseFindings(records: CaseRecords, retrieved: RetrievedObjects, journal: readonly JournalRecord[] | null): AuditFinding[] {
  return [
    ...verifyCase(records, retrieved),
    ...(journal ? journalFindings(records.studyInstanceUid, journal, retrieved) : []),
    ...signatureFindings(records, journal, retrieved),
  ];
}
