/**
 * The audit export of cases: flat rows for a CSV file (one row per event and per detail of a QC
 * report — each judged SEG with its recorded hash, each structure's decision, each pair's metrics)
 * and a JSON document holding the same events structured. Patient name and ID are in neither
 * unless asked for (`includePatientIdentifiers`); every other value is what the objects record.
 * Columns are documented in README.md beside this file.
 */
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import type { AuditEvent, CaseRecords, QcReportEvent, SegEvent, UnreadableObject } from './AuditEvent';
import { signatureColumns } from './signatureColumns';
import { predecessorChain, reportsByUid } from './predecessorChain';

export const AUDIT_COLUMNS = [
  'studyInstanceUid', 'event', 'dateTime', 'sopInstanceUid', 'seriesInstanceUid', 'sopClassUid', 'instanceNumber',
  'person', 'login', 'organization', 'role', 'identity', 'issuer', 'subject', 'sopId', 'sopVersion', 'sopHash', 'contentLabel',
  'structure', 'annotation', 'referencedSopInstanceUid', 'pixelDataSha256', 'referenceStandard',
  'outcome', 'acceptedAnnotation', 'reasons',
  'pair', 'pairSopInstanceUids', 'volumesMl', 'dice', 'jaccard', 'hdMm', 'hd95Mm', 'assdMm', 'nsd',
  'verifiedBy', 'verifierLogin', 'verifiedAt', 'signedBy', 'meaning', 'signedAt', 'signature', 'predecessors', 'predecessorChain', 'detail',
] as const;

/** Only in an export that asks for them, right after the study. */
export const PATIENT_COLUMNS = ['patientName', 'patientId'] as const;

export type AuditColumn = (typeof AUDIT_COLUMNS)[number] | (typeof PATIENT_COLUMNS)[number];

/**
 * What a row records: annotation and reference-seg (one per SEG), qc-report (one per report),
 * judged-seg (one per SEG a report judged), decision (one per structure decided), agreement (one
 * per structure and pair of annotations), unreadable (an object of the case that cannot be read).
 */
export type AuditRowEvent = 'annotation' | 'reference-seg' | 'qc-report' | 'judged-seg' | 'decision' | 'agreement' | 'unreadable';

export type AuditRow = Partial<Record<AuditColumn, string>> & { studyInstanceUid: string; event: AuditRowEvent };

export interface AuditDocument {
  format: 'segqc-audit-trail';
  version: 1;
  generatedAt?: string;
  includesPatientIdentifiers: boolean;
  cases: AuditDocumentCase[];
}

export interface AuditDocumentCase {
  studyInstanceUid: string;
  patient?: { name?: string; id?: string };
  /** In time order; each QC report also with its whole predecessor chain, nearest first. */
  events: Array<AuditEvent | (QcReportEvent & { predecessorChain: string[] })>;
  unreadable: UnreadableObject[];
}

export interface AuditExport {
  columns: AuditColumn[];
  rows: AuditRow[];
  document: AuditDocument;
}

export interface AuditRowsOptions {
  includePatientIdentifiers?: boolean;
  /** When the export was made (ISO 8601), recorded in the document. */
  generatedAt?: string;
}

export function auditRows(cases: readonly CaseRecords[], options: AuditRowsOptions = {}): AuditExport {
  const withPatient = options.includePatientIdentifiers === true;
  const rows: AuditRow[] = [];
  const documentCases: AuditDocumentCase[] = [];
  for (const records of cases) {
    const study = records.studyInstanceUid;
    const patient: Partial<Record<AuditColumn, string>> = withPatient ? { patientName: records.patient.name ?? '', patientId: records.patient.id ?? '' } : {};
    const reports = reportsByUid(records.events);
    const row = (event: AuditRowEvent, values: Partial<Record<AuditColumn, string | undefined>>): void => {
      const defined = Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined && value !== '')) as Partial<Record<AuditColumn, string>>;
      rows.push({ ...patient, ...defined, studyInstanceUid: study, event });
    };
    for (const event of records.events) {
      if (event.kind === 'qc-report') reportRows(event, predecessorChain(event, reports), row);
      else segRow(event, row);
    }
    for (const object of records.unreadable) {
      row('unreadable', { sopInstanceUid: object.sopInstanceUid, seriesInstanceUid: object.seriesInstanceUid, detail: `${object.expected} cannot be read: ${object.reason}` });
    }
    documentCases.push({
      studyInstanceUid: study,
      ...(withPatient ? { patient: { ...records.patient } } : {}),
      events: records.events.map((event) => (event.kind === 'qc-report' ? { ...event, predecessorChain: predecessorChain(event, reports) } : event)),
      unreadable: records.unreadable,
    });
  }
  return {
    columns: withPatient ? [AUDIT_COLUMNS[0], ...PATIENT_COLUMNS, ...AUDIT_COLUMNS.slice(1)] : [...AUDIT_COLUMNS],
    rows,
    document: {
      format: 'segqc-audit-trail',
      version: 1,
      ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
      includesPatientIdentifiers: withPatient,
      cases: documentCases,
    },
  };
}

type RowSink = (event: AuditRowEvent, values: Partial<Record<AuditColumn, string | undefined>>) => void;

function segRow(event: SegEvent, row: RowSink): void {
  row(event.kind === 'annotation' ? 'annotation' : 'reference-seg', {
    dateTime: event.dateTime,
    sopInstanceUid: event.sopInstanceUid,
    seriesInstanceUid: event.seriesInstanceUid,
    sopClassUid: event.sopClassUid,
    instanceNumber: numberText(event.instanceNumber),
    person: event.creator.name,
    login: event.creator.login,
    organization: event.creator.organization,
    role: event.role,
    ...identityColumns(event.creator.authentication),
    sopId: event.sop?.id,
    sopVersion: event.sop?.version,
    sopHash: event.sop?.hash,
    contentLabel: event.contentLabel,
    structure: event.segmentLabels.join('; '),
    pixelDataSha256: event.pixelDataSha256,
    ...(event.kind === 'reference' ? signatureColumns(event) : {}),
    detail: detailText([
      event.protocolName !== undefined ? `ProtocolName: ${event.protocolName}` : undefined,
      event.unattributedAs !== undefined ? `names no creator: shown as "${event.unattributedAs}"` : undefined,
    ]),
  });
}

/** Several details of one row in one cell, or none. */
function detailText(parts: ReadonlyArray<string | undefined>): string | undefined {
  const given = parts.filter((part): part is string => part !== undefined);
  return given.length > 0 ? given.join('; ') : undefined;
}

function reportRows(event: QcReportEvent, chain: string[], row: RowSink): void {
  const context = { dateTime: event.dateTime, sopInstanceUid: event.sopInstanceUid, seriesInstanceUid: event.seriesInstanceUid };
  const observer = {
    person: event.observer?.name, login: event.observer?.login, organization: event.observer?.organization, role: event.observer?.role,
    ...(event.observer ? identityColumns(event.observer.authentication) : {}),
  };
  row('qc-report', {
    ...context,
    sopClassUid: event.sopClassUid,
    instanceNumber: numberText(event.instanceNumber),
    ...observer,
    sopId: event.sop?.id,
    sopVersion: event.sop?.version,
    sopHash: event.sop?.hash,
    verifiedBy: event.verification?.name,
    verifierLogin: event.verification?.login,
    verifiedAt: event.verification?.dateTime,
    ...signatureColumns(event),
    predecessors: event.predecessors.map((predecessor) => predecessor.sopInstanceUid).join('; '),
    predecessorChain: chain.join('; '),
  });
  for (const seg of event.judged) {
    row('judged-seg', {
      ...context,
      person: seg.annotator.name,
      login: seg.annotator.login,
      annotation: seg.annotation,
      referencedSopInstanceUid: seg.sopInstanceUid,
      pixelDataSha256: seg.pixelDataSha256,
      referenceStandard: seg.referenceStandard,
      detail: detailText([
        seg.attributedByReviewer ? 'annotator attributed by the reviewer (the SEG names no creator)' : undefined,
        ...(seg.mappedByReviewer ?? []).map(({ segmentNumber, structure }) => `segment ${segmentNumber} mapped to ${structure} by the reviewer`),
      ]),
    });
  }
  for (const decision of event.decisions) {
    row('decision', {
      ...context,
      ...observer,
      structure: decision.structure,
      outcome: decision.outcome,
      acceptedAnnotation: decision.acceptedAnnotation,
      reasons: decision.reasons.map((reason) => (reason.text !== undefined ? `${reason.reason}: ${reason.text}` : reason.reason)).join('; '),
    });
  }
  for (const pair of event.metrics) {
    row('agreement', {
      ...context,
      structure: pair.structure,
      pair: pair.between.join('-'),
      pairSopInstanceUids: pair.segSopInstanceUids.join('; '),
      volumesMl: pair.volumesMl.map(String).join('; '),
      dice: numberText(pair.dice),
      jaccard: numberText(pair.jaccard),
      hdMm: numberText(pair.hdMm),
      hd95Mm: numberText(pair.hd95Mm),
      assdMm: numberText(pair.assdMm),
      nsd: Object.entries(pair.nsd).map(([tolerance, value]) => `${tolerance}mm=${numberText(value) ?? 'undefined'}`).join('; '),
    });
  }
}

/** A number in full; a distance that is undefined (an empty surface) is the word, never 0 or blank. */
function numberText(value: number | null | undefined): string | undefined {
  if (value === undefined) return undefined;
  return value === null ? 'undefined' : String(value);
}

/** How the row's person is known: `authenticated` with issuer and subject, else `self-declared` (also when the object does not say). */
function identityColumns(authentication: AuthenticatedIdentity | undefined): Partial<Record<AuditColumn, string>> {
  return authentication ? { identity: 'authenticated', issuer: authentication.issuer, subject: authentication.subject } : { identity: 'self-declared' };
}
