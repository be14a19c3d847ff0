import {
  jsonSequence, jsonString, parseSopReference, retrieveSeriesMetadata, searchForSeries,
  type DicomJsonDataset, type DicomwebReadOptions, type ParsedSopReference,
} from '@segqc/core';
import { creatorSelfDeclared } from './annotationContentDescription';

/** One of the annotator's own earlier SEGs of the study. */
export interface OwnAnnotation {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  /** ContentDate `YYYYMMDD` and ContentTime, when written. */
  contentDate?: string;
  contentTime?: string;
  contentLabel?: string;
  /** The SOP it was made under (ProtocolName), when it holds a SOP reference. */
  sop: ParsedSopReference | null;
  /** Segment labels, in SegmentSequence order. */
  structures: string[];
  /** The series it was drawn on (ReferencedSeriesSequence). */
  sourceSeriesInstanceUid?: string;
  /** True/false when SegQC recorded it (ContentDescription), undefined otherwise. */
  selfDeclared?: boolean;
}

/** DICOM tags read here (PS3.6). */
const TAG = {
  SOPInstanceUID: '00080018',
  SeriesInstanceUID: '0020000E',
  ContentDate: '00080023',
  ContentTime: '00080033',
  ContentLabel: '00700080',
  ContentDescription: '00700081',
  ContentCreatorName: '00700084',
  ContentCreatorIdentificationCodeSequence: '00700086',
  PersonIdentificationCodeSequence: '00401101',
  CodeValue: '00080100',
  ProtocolName: '00181030',
  SegmentSequence: '00620002',
  SegmentLabel: '00620005',
  ReferencedSeriesSequence: '00081115',
} as const;

/** The creator's login: the code value of the Person Identification Code Sequence (PS3.3 Table 10-1). */
export function creatorLoginOf(instance: DicomJsonDataset): string | undefined {
  for (const creator of jsonSequence(instance, TAG.ContentCreatorIdentificationCodeSequence)) {
    const login = jsonSequence(creator, TAG.PersonIdentificationCodeSequence)
      .map((code) => jsonString(code, TAG.CodeValue))
      .find((value) => value !== undefined);
    if (login !== undefined) return login;
  }
  return undefined;
}

function ownAnnotation(studyInstanceUid: string, seriesInstanceUid: string, instance: DicomJsonDataset): OwnAnnotation | null {
  const sopInstanceUid = jsonString(instance, TAG.SOPInstanceUID);
  if (!sopInstanceUid) return null;
  const annotation: OwnAnnotation = {
    studyInstanceUid,
    seriesInstanceUid,
    sopInstanceUid,
    sop: parseSopReference(jsonString(instance, TAG.ProtocolName)) ?? null,
    structures: jsonSequence(instance, TAG.SegmentSequence).map((segment, n) => jsonString(segment, TAG.SegmentLabel) ?? `Segment ${n + 1}`),
  };
  const optional = {
    contentDate: jsonString(instance, TAG.ContentDate),
    contentTime: jsonString(instance, TAG.ContentTime),
    contentLabel: jsonString(instance, TAG.ContentLabel),
    sourceSeriesInstanceUid: jsonString(jsonSequence(instance, TAG.ReferencedSeriesSequence)[0] ?? {}, TAG.SeriesInstanceUID),
    selfDeclared: creatorSelfDeclared(jsonString(instance, TAG.ContentDescription)),
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (annotation as unknown as Record<string, unknown>)[key] = value;
  return annotation;
}

/**
 * The SEGs of a study made by `login` (ContentCreatorIdentificationCodeSequence), latest first:
 * QIDO-RS finds the study's SEG series, WADO-RS series metadata (no pixel data) tells each SEG's
 * creator. Other annotators' SEGs are read no further and never shown: the annotator stays blinded.
 */
export async function ownAnnotationsOfStudy(root: string, studyInstanceUid: string, login: string, options: DicomwebReadOptions): Promise<OwnAnnotation[]> {
  const series = await searchForSeries(root, { studyInstanceUid }, { match: { Modality: 'SEG' } }, options);
  const own: OwnAnnotation[] = [];
  for (const entry of series) {
    const seriesInstanceUid = jsonString(entry, TAG.SeriesInstanceUID);
    if (!seriesInstanceUid) continue;
    for (const instance of await retrieveSeriesMetadata(root, { studyInstanceUid, seriesInstanceUid }, options)) {
      if (creatorLoginOf(instance) !== login) continue;
      const annotation = ownAnnotation(studyInstanceUid, seriesInstanceUid, instance);
      if (annotation) own.push(annotation);
    }
  }
  const when = (a: OwnAnnotation) => `${a.contentDate ?? ''}${a.contentTime ?? ''}`;
  return own.sort((a, b) => when(b).localeCompare(when(a)) || a.sopInstanceUid.localeCompare(b.sopInstanceUid));
}

