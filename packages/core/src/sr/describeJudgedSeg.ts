/**
 * What the QC report records of a judged SEG, read from its bytes: identity (SOP class, instance,
 * series, study), the source series it was drawn on, its annotator (ContentCreatorName, the login
 * in ContentCreatorIdentificationCodeSequence, and the sign-in when the SEG records one, none
 * meaning self-declared: identity/segCreatorIdentity.ts), the patient and study it belongs to, and the
 * SHA-256 of its Pixel Data value exactly as stored (for encapsulated pixel data: the items and the
 * delimiter), so that a report proves which pixels were judged. Also its role (ContentLabel: a
 * reference standard is judged with the annotations, marked as such) and its segments' colours,
 * for a reference SEG that keeps them (adjudication/writeAdjudication.ts).
 */
import { DicomValueError } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { readPart10 } from '../dicom/readPart10';
import { sha256Hex } from '../hash/sha256';
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import { segCreatorIdentity } from '../identity/segCreatorIdentity';
import { dicomLabToSrgb, type Srgb } from '../seg/cielab';
import { parseSeg } from '../seg/read/readSegHeader';
import type { ReportSubjectInit } from './ReportSubject';

export interface JudgedSegInfo {
  sopClassUid: string;
  sopInstanceUid: string;
  seriesInstanceUid: string;
  studyInstanceUid: string;
  /** The first series of ReferencedSeriesSequence: the series the segments were drawn on. */
  sourceSeriesInstanceUid: string;
  annotatorName?: string;
  annotatorLogin?: string;
  /** The annotator's sign-in as the SEG records it; absent: self-declared. */
  annotatorAuthentication?: AuthenticatedIdentity;
  /** annotatorName and annotatorLogin are the reviewer's attribution of a SEG that names no creator (review/reviewerChoices.ts). */
  attributedByReviewer?: true;
  /** Segments (by number) the reviewer mapped to a SOP structure by hand. */
  segmentsMappedByReviewer?: readonly number[];
  pixelDataSha256: string;
  /** Patient and study attributes to copy into the report. */
  subject: ReportSubjectInit;
  /** InstitutionName of the SEG, when present. */
  institutionName?: string;
  /** ContentLabel of the SEG as written (SegQC writes ANNOTATION, ADJUDICATED or GOLD), when present. */
  contentLabel?: string;
  /** RecommendedDisplayCIELabValue of each segment that has one, as sRGB, by segment number. */
  segmentColors?: Readonly<Record<number, Srgb>>;
}

const SUBJECT_KEYS = ['PatientBirthDate', 'PatientSex', 'PatientAge', 'StudyDate', 'StudyTime', 'StudyID', 'AccessionNumber', 'ReferringPhysicianName', 'StudyDescription'] as const;

export function describeJudgedSeg(segBytes: Uint8Array): JudgedSegInfo {
  const { header, file, pixelData } = parseSeg(segBytes);
  // Through dcmjs, for the attributes the bounds-checked SEG parser does not keep.
  const header10 = readPart10(segBytes, { untilPixelData: true }).dataset;
  const studyInstanceUid = header.studyInstanceUID;
  if (studyInstanceUid === undefined) throw new DicomValueError('StudyInstanceUID', 'the SEG has none: its report could not join its study');
  const sourceSeriesInstanceUid = header.referencedSeriesInstanceUIDs[0];
  const subject: ReportSubjectInit = {
    PatientName: personName(header10['PatientName']) ?? '',
    PatientID: text(header10['PatientID']) ?? '',
    StudyInstanceUID: studyInstanceUid,
  };
  for (const key of SUBJECT_KEYS) {
    const value = key === 'ReferringPhysicianName' ? personName(header10[key]) : text(header10[key]);
    if (value !== undefined) subject[key] = value;
  }
  const creator = segCreatorIdentity(header10);
  const institutionName = text(header10['InstitutionName']);
  const segmentColors: Record<number, Srgb> = {};
  for (const segment of items(header10['SegmentSequence'])) {
    const number = segment['SegmentNumber'];
    const lab = segment['RecommendedDisplayCIELabValue'];
    if (typeof number === 'number' && Array.isArray(lab) && lab.length === 3 && lab.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      segmentColors[number] = dicomLabToSrgb(lab as [number, number, number]);
    }
  }
  return {
    sopClassUid: header.sopClassUID,
    sopInstanceUid: header.sopInstanceUID,
    seriesInstanceUid: header.seriesInstanceUID,
    studyInstanceUid,
    sourceSeriesInstanceUid,
    ...(header.contentCreatorName !== undefined && header.contentCreatorName !== '' ? { annotatorName: header.contentCreatorName } : {}),
    ...(creator.login !== undefined ? { annotatorLogin: creator.login } : {}),
    ...(creator.authentication !== undefined ? { annotatorAuthentication: creator.authentication } : {}),
    pixelDataSha256: sha256Hex(file.bytes.subarray(pixelData.offset, pixelData.offset + pixelData.length)),
    subject,
    ...(institutionName !== undefined ? { institutionName } : {}),
    ...(header.contentLabel !== undefined && header.contentLabel !== '' ? { contentLabel: header.contentLabel } : {}),
    ...(Object.keys(segmentColors).length > 0 ? { segmentColors } : {}),
  };
}

function items(value: unknown): NaturalDataset[] {
  return Array.isArray(value) ? (value as NaturalDataset[]) : [];
}

function text(value: unknown): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  if (typeof single === 'number') return String(single);
  return typeof single === 'string' && single.trim() !== '' ? single.trim() : undefined;
}

function personName(value: unknown): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  if (single !== null && typeof single === 'object' && 'Alphabetic' in single) return text((single as { Alphabetic?: unknown }).Alphabetic);
  return text(single);
}
