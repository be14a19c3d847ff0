import { jsonPersonName, jsonString, type DicomJsonDataset } from '../dicomweb/dicomJson';
import { annotatorOf } from '../programmeObservations/annotatorOf';
import type { CaseInventory, QcState } from './InventoryModel';

/** One annotation of a case as the overview lists it. */
export interface CaseAnnotation {
  /** The annotator as the dashboard keys them (annotatorOf). */
  annotator: string;
  login: string | null;
  /** ISO 8601 date-time of ContentDate/ContentTime, or null. */
  madeAt: string | null;
  /** `id@version` of the SOP in force, or null when the SEG names none. */
  sop: string | null;
  seriesInstanceUid: string;
  sopInstanceUid: string;
}

/** A case (study) of the PACS as the QC overview shows it: plain data, from the inventory and the study's QIDO-RS attributes. */
export interface CaseSummary {
  studyInstanceUid: string;
  /**
   * What the pages call the case (caseLabel): StudyID, else AccessionNumber, else the UID; never the
   * patient's ID, so that a case has one name on every page and in the CLI's report.
   */
  label: string;
  patientName: string | null;
  patientId: string | null;
  studyDate: string | null;
  studyDescription: string | null;
  state: QcState;
  modality: string | null;
  calibration: boolean;
  /** Annotations of every series of the case, oldest first. */
  annotations: CaseAnnotation[];
  /** Distinct annotators, in the order of their first annotation. */
  annotators: string[];
  /** Distinct `id@version` of the SOPs the annotations were made under, sorted. */
  sops: string[];
  references: Array<{ kind: string; annotator: string; madeAt: string | null }>;
  qcReports: number;
  /** Objects of the case that could not be read, as sentences. */
  unreadable: string[];
}

/** DICOM tags of the study attributes read (PS3.6). */
export const STUDY_TAGS = {
  StudyInstanceUID: '0020000D',
  StudyID: '00200010',
  AccessionNumber: '00080050',
  PatientID: '00100020',
  PatientName: '00100010',
  StudyDate: '00080020',
  StudyDescription: '00081030',
} as const;


/** ContentDate (YYYYMMDD) and ContentTime (HHMMSS.FFFFFF, PS3.5 TM; minutes and seconds optional) as ISO 8601; null without a valid date. */
export function dicomDateTimeToIso(date: string | null, time: string | null): string | null {
  const day = /^(\d{4})(\d{2})(\d{2})$/.exec(date?.trim() ?? '');
  if (!day) return null;
  const iso = `${day[1]}-${day[2]}-${day[3]}`;
  const clock = /^(\d{2})(\d{2})?(\d{2})?(?:\.(\d{1,6}))?$/.exec(time?.trim() ?? '');
  if (!clock) return iso;
  const [, hh, mm = '00', ss = '00', fraction] = clock;
  return `${iso}T${hh}:${mm}:${ss}${fraction ? `.${fraction}` : ''}`;
}

const text = (value: string | undefined): string | null => (value === undefined || value.trim() === '' ? null : value.trim());

/**
 * The one name of a case, on the viewer's pages and in the CLI's reports alike: StudyID, else
 * AccessionNumber, else the Study Instance UID. Not the PatientID: that
 * names the patient, and a second name for the case (the demo's calibration case was "CT-CAL" on
 * one page and "SEGQC-CAL-01" on another, issue 14).
 */
export function caseLabel(study: DicomJsonDataset | undefined, studyInstanceUid: string): string {
  const attribute = (tag: string) => (study ? text(jsonString(study, tag)) : null);
  return attribute(STUDY_TAGS.StudyID) ?? attribute(STUDY_TAGS.AccessionNumber) ?? studyInstanceUid;
}

export function caseSummary(inventory: CaseInventory, study: DicomJsonDataset | undefined): CaseSummary {
  const attribute = (tag: string) => (study ? text(jsonString(study, tag)) : null);
  const patientName = study ? text(jsonPersonName(study, STUDY_TAGS.PatientName)) : null;
  const label = caseLabel(study, inventory.studyInstanceUid);
  const annotations = inventory.annotations.map((seg) => ({
    annotator: annotatorOf(seg),
    login: seg.creator.login,
    madeAt: dicomDateTimeToIso(seg.contentDate, seg.contentTime),
    sop: seg.sop ? `${seg.sop.id}@${seg.sop.version}` : null,
    seriesInstanceUid: seg.seriesInstanceUid,
    sopInstanceUid: seg.sopInstanceUid,
  }));
  return {
    studyInstanceUid: inventory.studyInstanceUid,
    label,
    patientName,
    patientId: attribute(STUDY_TAGS.PatientID),
    studyDate: attribute(STUDY_TAGS.StudyDate),
    studyDescription: attribute(STUDY_TAGS.StudyDescription),
    state: inventory.state,
    modality: inventory.modality,
    calibration: inventory.calibration,
    annotations,
    annotators: [...new Set(annotations.map((a) => a.annotator))],
    sops: [...new Set(annotations.map((a) => a.sop).filter((sop): sop is string => sop !== null))].sort(),
    references: inventory.references.map((seg) => ({ kind: seg.contentLabel ?? 'reference', annotator: annotatorOf(seg), madeAt: dicomDateTimeToIso(seg.contentDate, seg.contentTime) })),
    qcReports: inventory.qcReports.length,
    unreadable: inventory.unreadable.map((object) => `${object.modality} ${object.sopInstanceUid ?? `in series ${object.seriesInstanceUid}`}: ${object.reason}`),
  };
}
