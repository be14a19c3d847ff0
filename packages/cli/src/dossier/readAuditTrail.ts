import { gatherCaseRecords, listStudies, type AuditFinding, type CaseRecords, type JournalRecord, type ReadFetchLike } from '@segqc/core';
import type { AccessTokensOptions } from '../auth/AccessTokens';
import type { Credential } from '../auth/Credential';
import { PacsConnection } from '../auth/PacsConnection';
import { caseFindings } from '../audit/caseFindings';
import { signatureCheckerOf } from '../audit/signatureChecker';
import { PLAIN_INTERVAL_MS, writeProgressLine, type ProgressStream } from '../progressOutput';

export interface AuditedCase {
  records: CaseRecords;
  /** What `segqc audit verify` finds in it. */
  findings: AuditFinding[];
}

export interface AuditTrailRead {
  pacs: string;
  credential: Credential;
  journal: readonly JournalRecord[] | null;
  /** The trust store's CA certificates (readTrustStore), or null: signatures are checked, their certificates are not. */
  trustedCertificates: string[] | null;
  fetch?: ReadFetchLike;
  grant?: AccessTokensOptions['grant'];
  progress: ProgressStream;
  now: () => number;
}

/**
 * Every study of the PACS (QIDO-RS, as `segqc audit export --all`), each read once for its audit
 * records, with its QC reports' signatures checked as `segqc audit` checks them, and verified as
 * `segqc audit verify` verifies it; a plain progress line at most every
 * PLAIN_INTERVAL_MS and one at the end. A 401 or 403 is a PacsAccessError saying why.
 */
export async function readAuditTrail(read: AuditTrailRead): Promise<AuditedCase[]> {
  const connection = new PacsConnection(read.credential, { fetch: read.fetch, grant: read.grant });
  try {
    const gather = { ...connection.read, signatures: signatureCheckerOf(read.trustedCertificates) };
    const studies = await listStudies(read.pacs, connection.read);
    const cases: AuditedCase[] = [];
    let lastLine = -Infinity;
    for (const study of studies) {
      const { records, retrieved } = await gatherCaseRecords(read.pacs, study, gather);
      cases.push({ records, findings: caseFindings(records, retrieved, read.journal) });
      if (cases.length === studies.length || read.now() - lastLine >= PLAIN_INTERVAL_MS) {
        writeProgressLine(read.progress, 'dossier', cases.length / studies.length, `${cases.length}/${studies.length} audit trails read and verified`);
        lastLine = read.now();
      }
    }
    return cases;
  } catch (error) {
    throw connection.explain(error);
  }
}
