import { DicomValueError } from '../dicom/DicomValueError';
import type { PredecessorInit } from './QcReport';
import { readQcReport } from './readQcReport';

/** Where a revision of a QC report goes: the predecessor's series, the next instance number. */
export interface ReportRevision {
  seriesInstanceUid: string;
  seriesNumber: number;
  instanceNumber: number;
  predecessor: PredecessorInit;
}

/**
 * The revision of an earlier QC report of the study (its Part 10 bytes): a new report revises the
 * latest one (Predecessor Documents), never overwrites it. Throws a DicomValueError at `predecessor`.
 */
export function reportRevision(bytes: Uint8Array, studyInstanceUid: string): ReportRevision {
  if (!(bytes instanceof Uint8Array)) throw new DicomValueError('predecessor', 'must be the bytes of the earlier QC report');
  let read;
  try {
    read = readQcReport(bytes);
  } catch (error) {
    if (error instanceof DicomValueError) throw new DicomValueError('predecessor', `${error.attributePath}: ${error.reason}`);
    throw error;
  }
  if (read.qc === undefined) throw new DicomValueError('predecessor', 'is a TID 1500 report but not a SegQC QC report');
  if (read.qc.subject.StudyInstanceUID !== studyInstanceUid) {
    throw new DicomValueError('predecessor', `is the report of study ${read.qc.subject.StudyInstanceUID}, not of the annotations' ${studyInstanceUid}`);
  }
  return Object.freeze({
    seriesInstanceUid: read.qc.seriesInstanceUid,
    seriesNumber: read.qc.seriesNumber,
    instanceNumber: read.qc.instanceNumber + 1,
    predecessor: Object.freeze({ studyInstanceUid, seriesInstanceUid: read.qc.seriesInstanceUid, sopClassUid: read.document.sopClassUid, sopInstanceUid: read.qc.sopInstanceUid }),
  });
}
