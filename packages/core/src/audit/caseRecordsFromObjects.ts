/**
 * The audit records of one case from the objects its PACS holds (pure: the bytes are given;
 * gatherCaseRecords fetches them). Every SEG of the study is an annotation or a reference event,
 * every SegQC QC report a report event; other SRs are listed as present and left out of the trail.
 * An object that cannot be read — a SEG, or an SR of the study's QC report series; malformed,
 * refused (deflated, too large) or its answer refused — is kept as unreadable, never silently
 * dropped. Also returns what is present, by SOP Instance UID, with each SEG's current pixel-data
 * hash: what verifyCase checks the reports' records against. Given a SignatureChecker, each QC
 * report's DICOM Digital Signatures are checked on its bytes as stored (reportSignatures.ts).
 */
import { DicomValueError } from '../dicom/DicomValueError';
import { DicomwebReadError } from '../dicomweb/DicomwebReadError';
import { qcReportSeriesUid } from '../sr/buildQcReport';
import { readQcReport } from '../sr/readQcReport';
import type { AuditEvent, CaseRecords, RetrievedObject, RetrievedObjects, UnreadableObject } from './AuditEvent';
import { qcReportEventOf } from './qcReportEvent';
import { objectSignaturesOf } from './objectSignatures';
import type { SignatureChecker } from './SignatureChecker';
import { sha256Hex } from '../hash/sha256';
import { segEventOf } from './segEvent';

/** An object of the study as retrieved: the UIDs its search answered with, its modality, its Part 10 bytes. */
export interface RetrievedStudyObject {
  seriesInstanceUid: string;
  sopInstanceUid: string;
  modality: 'SEG' | 'SR';
  bytes: Uint8Array;
}

/** An object whose retrieval answer was refused (larger than SegQC reads, not a Part 10 file), with the DicomwebReadError saying why. */
export interface RefusedStudyObject {
  seriesInstanceUid: string;
  sopInstanceUid: string;
  modality: 'SEG' | 'SR';
  refused: DicomwebReadError;
}

export type StudyObject = RetrievedStudyObject | RefusedStudyObject;

/** An instance known to be present without retrieving it (a source image of an Image Library). */
export interface PresentInstance {
  seriesInstanceUid: string;
  sopInstanceUid: string;
}

export interface CaseRecordsOptions {
  /** Checks the signatures of the QC reports and reference SEGs (their events' `signatures`); without it they are not read. */
  signatures?: SignatureChecker;
}

export interface GatheredCase {
  records: CaseRecords;
  retrieved: RetrievedObjects;
}

const KIND_ORDER: Readonly<Record<AuditEvent['kind'], number>> = { annotation: 0, reference: 1, 'qc-report': 2 };

export function caseRecordsFromObjects(
  studyInstanceUid: string, objects: readonly StudyObject[], images: readonly PresentInstance[] = [], options: CaseRecordsOptions = {},
): GatheredCase {
  const events: AuditEvent[] = [];
  const unreadable: UnreadableObject[] = [];
  const retrieved = new Map<string, RetrievedObject>();
  const patient: CaseRecords['patient'] = {};
  const reportSeries = qcReportSeriesUid(studyInstanceUid);
  const present = (object: { seriesInstanceUid: string; sopInstanceUid: string }, kind: RetrievedObject['kind'], pixelDataSha256?: string, bytes?: Uint8Array) =>
    retrieved.set(object.sopInstanceUid, {
      studyInstanceUid, seriesInstanceUid: object.seriesInstanceUid, sopInstanceUid: object.sopInstanceUid, kind,
      ...(pixelDataSha256 !== undefined ? { pixelDataSha256 } : {}),
      ...(bytes !== undefined ? { sha256: sha256Hex(bytes) } : {}),
    });

  for (const image of images) present(image, 'image');
  for (const object of objects) {
    const fail = (expected: UnreadableObject['expected'], error: Error) => {
      unreadable.push({ studyInstanceUid, seriesInstanceUid: object.seriesInstanceUid, sopInstanceUid: object.sopInstanceUid, expected, reason: error.message });
      present(object, 'unreadable');
    };
    if (object.modality === 'SEG') {
      try {
        const { event, patient: of } = segEventOf(bytesOf(object));
        if (event.kind === 'reference' && options.signatures) event.signatures = objectSignaturesOf(bytesOf(object), 'reference-seg', options.signatures);
        events.push(event);
        present(event, 'seg', event.pixelDataSha256, bytesOf(object));
        patient.name ??= of.name;
        patient.id ??= of.id;
      } catch (error) {
        if (!isUnreadable(error)) throw error;
        fail('SEG', error);
      }
      continue;
    }
    let read;
    try {
      read = readQcReport(bytesOf(object));
    } catch (error) {
      // An SR of another writer elsewhere in the study, whatever its reader makes of it, is not part
      // of the trail; one in SegQC's QC report series is a report that can no longer be read.
      if (object.seriesInstanceUid !== reportSeries) {
        present(object, 'sr', undefined, bytesOf(object));
        continue;
      }
      if (!isUnreadable(error)) throw error;
      fail('QC report', error);
      continue;
    }
    if (read.qc === undefined) {
      present(object, 'sr', undefined, bytesOf(object));
      continue;
    }
    const event = qcReportEventOf(read.qc, read.document.sopClassUid);
    if (options.signatures) event.signatures = objectSignaturesOf(bytesOf(object), 'qc-report', options.signatures);
    events.push(event);
    present(event, 'qc-report', undefined, bytesOf(object));
    if (read.qc.subject.PatientName !== '') patient.name ??= read.qc.subject.PatientName;
    if (read.qc.subject.PatientID !== '') patient.id ??= read.qc.subject.PatientID;
  }
  for (const key of ['name', 'id'] as const) if (patient[key] === undefined) delete patient[key];

  events.sort(inTimeOrder);
  unreadable.sort((a, b) => compareText(a.sopInstanceUid, b.sopInstanceUid));
  return { records: { studyInstanceUid, patient, events, unreadable }, retrieved };
}

/** By time; an event without a time first (it may be the oldest); then annotations, references, reports; then instance number and UID. */
export function inTimeOrder(a: AuditEvent, b: AuditEvent): number {
  return compareText(a.dateTime ?? '', b.dateTime ?? '')
    || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]
    || (a.instanceNumber ?? 0) - (b.instanceNumber ?? 0)
    || compareText(a.sopInstanceUid, b.sopInstanceUid);
}

/** The object's bytes; its refused answer is thrown, to be reported as any unreadable object is. */
function bytesOf(object: StudyObject): Uint8Array {
  if ('refused' in object) throw object.refused;
  return object.bytes;
}

const isUnreadable = (error: unknown): error is Error => error instanceof DicomValueError || error instanceof DicomwebReadError;

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
