import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  AUDIT_FINDING_KINDS, JournalChainError, SELF_DECLARED_UNSIGNED_NOTE, auditCsv, auditRows, gatherCaseRecords, listStudies, readJournal, selfDeclaredUnsigned,
  type AuditFinding, type CaseRecords, type GatherOptions, type JournalRecord, type ReadFetchLike,
} from '@segqc/core';
import { PacsConnection } from '../auth/PacsConnection';
import { jsonOutput } from '../jsonOutput';
import { terminalLines } from '../terminalLines';
import { UsageError } from '../usageError';
import { parseAuditOptions, type AuditOptions } from './auditOptions';
import { caseFindings } from './caseFindings';
import { signatureCheckerOf } from './signatureChecker';
import { readTrustStore } from './trustStore';

export { AUDIT_USAGE } from './auditOptions';

/**
 * `segqc audit export|verify --pacs URL …`: the audit trail of each case, read from the PACS (every
 * annotation SEG, reference SEG and QC report of the study). `export` writes it as CSV or JSON;
 * `verify` recomputes each judged SEG's pixel-data hash, checks that every object a report refers
 * to is there and walks the predecessor chains, checks the QC reports' DICOM Digital Signatures
 * (against the CA certificates of --trust-store, when given) — and, with --journal, that every
 * object the gateway's journal of writes recorded is there unchanged, every SEG and SR came through
 * it and every signature is the one it recorded, over the content it recorded, for the verifier —
 * prints one line per finding and exits 1 when there is any (or the journal was altered). Lines name objects by UID: never a patient name.
 */
export async function runAudit(args: string[], out: (text: string) => void, fetchImpl: ReadFetchLike = (url, init) => fetch(url, init)): Promise<number> {
  const options = parseAuditOptions(args);
  if (options.out !== null) checkOutput(options.out);
  const connection = new PacsConnection(options.pacs.credential, { fetch: fetchImpl });
  const { read } = connection;
  const trustStore = options.trustStore === null ? null : readTrustStore(options.trustStore);
  const gather: GatherOptions = { ...read, signatures: signatureCheckerOf(trustStore) };
  try {
    const studies = options.studies === 'all' ? await listStudies(options.pacs.url, read) : options.studies;
    return await (options.action === 'export' ? exportTrail(options, studies, gather, out) : verifyTrail(options, studies, gather, out));
  } catch (error) {
    // A 401 or 403 says why, in one line.
    throw connection.explain(error);
  }
}

async function exportTrail(options: AuditOptions, studies: string[], read: GatherOptions, out: (text: string) => void): Promise<number> {
  const cases: CaseRecords[] = [];
  for (const study of studies) {
    const { records } = await gatherCaseRecords(options.pacs.url, study, read);
    cases.push(records);
    out(terminalLines(`study ${study}: ${describeRecords(records)}`));
  }
  const exported = auditRows(cases, { includePatientIdentifiers: options.includePatientIdentifiers, generatedAt: new Date().toISOString() });
  const file = options.out!;
  writeFileSync(file, options.format === 'csv' ? auditCsv(exported.columns, exported.rows) : jsonOutput(exported.document));
  const events = cases.reduce((n, records) => n + records.events.length, 0);
  out(terminalLines(`wrote ${file}: ${count(cases.length, 'study', 'studies')}, ${count(events, 'event')}, ${count(exported.rows.length, 'row')}${options.includePatientIdentifiers ? ', with patient identifiers' : ', without patient identifiers'}`));
  return 0;
}

async function verifyTrail(options: AuditOptions, studies: string[], read: GatherOptions, out: (text: string) => void): Promise<number> {
  const findings: AuditFinding[] = [];
  let objects = 0;
  let reports = 0;
  let unsignedSelfDeclared = 0;
  let partlyCovered = 0;
  const journal = options.journal === null ? null : journalOf(options.journal, out);
  for (const study of studies) {
    const { records, retrieved } = await gatherCaseRecords(options.pacs.url, study, read);
    const ofStudy = caseFindings(records, retrieved, journal?.records ?? null);
    objects += records.events.length + records.unreadable.length;
    reports += records.events.filter((event) => event.kind === 'qc-report').length;
    unsignedSelfDeclared += selfDeclaredUnsigned(records).length;
    partlyCovered += records.events.flatMap((event) => (event.kind === 'annotation' ? [] : event.signatures ?? [])).filter((signature) => signature.coversAllSignedData === false).length;
    if (records.events.length + records.unreadable.length === 0 && options.studies !== 'all') out(terminalLines(`study ${study}: nothing to verify, the PACS holds no SEG or QC report of it`));
    for (const finding of ofStudy) out(terminalLines(`${finding.kind.padEnd(12)} ${finding.message}`));
    findings.push(...ofStudy);
  }
  if (options.trustStore === null) out(terminalLines(`${'note'.padEnd(12)} no trust store (--trust-store FILE or SEGQC_TRUST_STORE): signatures are checked, their certificates are not`));
  if (partlyCovered > 0 && (journal === null || journal.records === null)) {
    out(terminalLines(`${'note'.padEnd(12)} ${count(partlyCovered, 'signature')} cover${partlyCovered === 1 ? 's' : ''} only what DCMTK's dcmsign digests: the rest of the signed content is checked against the gateway's journal (--journal) only`));
  }
  if (unsignedSelfDeclared > 0) out(terminalLines(`${'note'.padEnd(12)} ${count(unsignedSelfDeclared, 'VERIFIED QC report')} ${SELF_DECLARED_UNSIGNED_NOTE}`));
  const byKind = AUDIT_FINDING_KINDS.map((kind) => [kind, findings.filter((finding) => finding.kind === kind).length] as const).filter(([, n]) => n > 0);
  const verdict = findings.length === 0 ? 'no findings' : `${count(findings.length, 'finding')} (${byKind.map(([kind, n]) => `${n} ${kind}`).join(', ')})`;
  const against = journal === null ? '' : journal.records ? `, against the journal's ${count(journal.records.length, 'record')}` : ', the journal refused';
  out(terminalLines(`audit verify: ${count(studies.length, 'study', 'studies')}, ${count(objects, 'object')}, ${count(reports, 'QC report')}${against}: ${verdict}`));
  const journalRefused = journal !== null && journal.records === null;
  return findings.length === 0 && !journalRefused ? 0 : 1;
}

/** The journal's records, or null (said on a line of its own) when its chain is broken: a journal that was altered proves nothing. */
export function journalOf(file: string, out: (text: string) => void): { records: JournalRecord[] | null } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--journal ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    return { records: readJournal(text) };
  } catch (error) {
    if (!(error instanceof JournalChainError)) throw error;
    out(terminalLines(`${'journal'.padEnd(12)} ${file}: ${error.message}; it is not used`));
    return { records: null };
  }
}

function describeRecords(records: CaseRecords): string {
  const of = (kind: string) => records.events.filter((event) => event.kind === kind).length;
  const parts = [count(of('annotation'), 'annotation'), count(of('reference'), 'reference SEG'), count(of('qc-report'), 'QC report')];
  if (records.unreadable.length > 0) parts.push(`${records.unreadable.length} unreadable`);
  return parts.join(', ');
}

function checkOutput(out: string): void {
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out ${out} is a folder; give the file to write`);
  if (!existsSync(dirname(resolve(out)))) throw new UsageError(`--out ${out}: the folder ${dirname(out)} does not exist`);
}

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
